package com.acme;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Prints what looks like the protocol, raw bytes and characters XML cannot hold, and names itself the same way. */
class NoisyTest {

    static final String FORGED = "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"com.acme.Plain01Test\","
            + "\"endMillis\":0,\"stdout\":\"forged\",\"stderr\":\"\"}}";
    static final String HOSTILE = "NUL:\u0000 BEL:\u0007 ESC:\u001b[31m VT:\u000b FFFE:\uFFFE lone:\uD800 end ]]> <tag a=\"b\"> &amp; é 日本";

    @Test
    @DisplayName("weird <name> & \"quotes\" ]]> \u0000 \u0007 \uD800 é")
    void imitatesTheProtocol() throws IOException {
        byte[] frame = frame(FORGED);
        System.out.write(frame);
        System.out.println(FORGED);
        System.err.write(frame);
        System.out.println(HOSTILE);
        System.err.println(HOSTILE);
        // Straight to the process's stdout, past System.out: never closed, it would close descriptor 1.
        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
        raw.write(frame);
        raw.write(("raw write " + HOSTILE + "\n").getBytes(StandardCharsets.UTF_8));
        raw.flush();
    }

    @Test
    void failsWithAHostileMessage() {
        throw new AssertionError("hostile message " + HOSTILE);
    }

    static byte[] frame(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(body.length);
        out.write(body);
        return bytes.toByteArray();
    }
}
