package dev.isolane.sample.invoice;

/** Hands out consecutive invoice numbers: INV-0001, INV-0002, ... */
public final class InvoiceNumbers {

    private static int next = 1;

    private InvoiceNumbers() {}

    public static synchronized String next() {
        return String.format("INV-%04d", next++);
    }

    /** Start counting again from 1; meant for a new accounting year. */
    public static synchronized void restart() {
        next = 1;
    }
}
