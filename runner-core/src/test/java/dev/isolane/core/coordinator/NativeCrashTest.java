package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCrashTest {

    @TempDir
    Path dir;

    @Test
    void readsTheBannerAndTheCrashingThreadFromTheErrorReport() throws Exception {
        Path report = dir.resolve("hs_err_pid77.log");
        Files.writeString(report, "#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n"
                + "---------------  T H R E A D  ---------------\n\n"
                + "Current thread (0x00007f3b2c2b6800):  JavaThread \"isolane-shared-3\" daemon [_thread_in_vm,"
                + " id=80, stack(0x00007f3b0b1fe000,0x00007f3b0b2ff000)]\n");
        String output = "some test output\n#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n"
                + "#  SIGSEGV (0xb) at pc=0x00007f3b4a1d2f94, pid=77, tid=80\n#\n"
                + "# JRE version: OpenJDK Runtime Environment (17.0.15+6)\n"
                + "# Problematic frame:\n# V  [libjvm.so+0xed2f94]  Unsafe_PutLong+0x124\n#\n"
                + "# An error report file with more information is saved as:\n# " + report + "\n#\n";

        NativeCrash crash = NativeCrash.parse(output, dir);

        assertThat(crash.signal()).isEqualTo("SIGSEGV (0xb) at pc=0x00007f3b4a1d2f94, pid=77, tid=80");
        assertThat(crash.frame()).isEqualTo("V  [libjvm.so+0xed2f94]  Unsafe_PutLong+0x124");
        assertThat(crash.reportFile()).isEqualTo(report);
        assertThat(crash.thread()).isEqualTo("isolane-shared-3");
        assertThat(crash.describe()).startsWith("crashed natively: SIGSEGV (0xb)").contains("on thread isolane-shared-3");
    }

    @Test
    void ordinaryOutputIsNoCrashAndAMissingReportNamesNoThread() {
        assertThat(NativeCrash.parse("Exception in thread \"main\" java.lang.Error\n", dir)).isNull();
        NativeCrash crash = NativeCrash.parse("# A fatal error has been detected by the Java Runtime Environment:\n"
                + "#  Internal Error (os_linux.cpp:1), pid=1, tid=2\n", dir);
        assertThat(crash.signal()).startsWith("Internal Error");
        assertThat(crash.thread()).isNull();
    }
}
