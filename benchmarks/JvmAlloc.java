import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints the bytes a running JVM has allocated on its heap since it started, all threads together, ended ones
 * included ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}). Attaches to the process by its
 * id, as jcmd does; the target needs no flag. Used by footprint.sh: the difference of two readings divided by the
 * requests in between is the allocation per request, independent of the machine's load.
 *
 *   java benchmarks/JvmAlloc.java PID
 */
public class JvmAlloc {

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try (var connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            var threads = ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME,
                    com.sun.management.ThreadMXBean.class);
            System.out.println(threads.getTotalThreadAllocatedBytes());
        } finally {
            vm.detach();
        }
    }
}
