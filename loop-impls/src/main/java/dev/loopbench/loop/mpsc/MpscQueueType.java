package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.Aliases;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscLinkedQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

import java.util.List;

/** The JCTools queue behind an {@link MpscEventLoop}, by the alias the {@code queue} option takes. */
public enum MpscQueueType {

    /** {@link MpscUnboundedArrayQueue}: linked array chunks, producers CAS the tail (Netty's choice). */
    ARRAY("array") {
        @Override
        public <E> MessagePassingQueue<E> newQueue() {
            return new MpscUnboundedArrayQueue<>(CHUNK_SIZE);
        }
    },
    /** {@link MpscUnboundedXaddArrayQueue}: producers claim slots with XADD, so they never retry under contention. */
    XADD("xadd") {
        @Override
        public <E> MessagePassingQueue<E> newQueue() {
            return new MpscUnboundedXaddArrayQueue<>(CHUNK_SIZE);
        }
    },
    /** {@link MpscLinkedQueue}: one node per element, the classic Vyukov queue. */
    LINKED("linked") {
        @Override
        public <E> MessagePassingQueue<E> newQueue() {
            return new MpscLinkedQueue<>();
        }
    };

    /** Elements per chunk of the array-backed queues; large enough that chunk allocation is rare. */
    public static final int CHUNK_SIZE = 1024;

    private final String alias;

    MpscQueueType(String alias) {
        this.alias = alias;
    }

    public abstract <E> MessagePassingQueue<E> newQueue();

    public String alias() {
        return alias;
    }

    public static List<String> aliases() {
        return Aliases.of(values(), MpscQueueType::alias);
    }

    /** @throws IllegalArgumentException naming the valid aliases */
    public static MpscQueueType forAlias(String alias) {
        return Aliases.find(values(), MpscQueueType::alias, alias, "MPSC queue");
    }

    @Override
    public String toString() {
        return alias;
    }
}
