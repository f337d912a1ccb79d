package vn.congvu.bench.node;

import org.osgi.service.component.annotations.Component;

/** {@code bench:rss}: the node's resident memory and heap, on any node. */
@Component(service = NodeBench.class, property = {"osgi.command.scope=bench", "osgi.command.function=rss"})
public class NodeBench {

    /** @return a RESULT line with the resident memory and the heap in use, in MB */
    public String rss() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("RESULT rss rssMb=%d heapUsedMb=%d", Measures.rssMb(),
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }
}
