package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fails twice: once plainly, once under a name that is markup and with output that ends a script element. */
class InvoiceTotalTest {
    @Test
    void sumsTheLines() {
        assertEquals(42, 41, "the invoice total");
    }

    @Test
    @DisplayName("<img src=x onerror=alert(1)>")
    void hostile() {
        System.out.println("</script><script>alert(2)</script>");
        assertEquals("<b>bold</b>", "</script>", "<img src=y onerror=alert(3)>");
    }
}
