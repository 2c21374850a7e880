package dev.loopbench.tools.results;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopOptionsParamTest {

    @Test
    void encodesAndDecodesInOrder() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("queue", "xadd");
        options.put("idle", "spin-park");
        String value = LoopOptionsParam.encode(options);
        assertEquals("queue=xadd;idle=spin-park", value);
        assertEquals(List.copyOf(options.entrySet()), List.copyOf(LoopOptionsParam.decode(value).entrySet()));
    }

    @Test
    void anEmptyValueIsTheDefaults() {
        assertTrue(LoopOptionsParam.decode("").isEmpty());
        assertTrue(LoopOptionsParam.decode(null).isEmpty());
        assertEquals("", LoopOptionsParam.encode(Map.of()));
    }

    @Test
    void readsOneOptionFromARowsParams() {
        assertEquals("spin", LoopOptionsParam.option(Map.of("impl", "mpsc", "loopOptions", "idle=spin"), "idle"));
        assertNull(LoopOptionsParam.option(Map.of("impl", "netty"), "idle"));
    }

    @Test
    void refusesMalformedValuesSayingWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopOptionsParam.decode("idle=spin;queue"));
        assertTrue(e.getMessage().contains("'queue' is not key=value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoopOptionsParam.decode("idle=spin;idle=park"));
        assertThrows(IllegalArgumentException.class, () -> LoopOptionsParam.encode(Map.of("idle", "a,b")));
    }
}
