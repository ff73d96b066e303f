package dev.isolane.sample.invoice;

/** One line of an invoice: so many units at a unit price. */
public record LineItem(String description, int quantity, Money unitPrice) {

    public LineItem {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
