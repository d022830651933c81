package org.infraadvisor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were measured on: cores, memory, JDK, and how busy the machine was. */
public final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", OffsetDateTime.now().withNano(0).toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memTotal", procLine(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAverage", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key + ":"))
                    .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    public static String summary() {
        StringBuilder s = new StringBuilder();
        describe().forEach((k, v) -> s.append(k).append('=').append(v).append("  "));
        return s.toString().strip();
    }
}
