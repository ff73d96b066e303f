package dev.isolane.core.report;

/** Makes any string safe to put in an XML 1.0 document, whatever a test printed or named itself. */
final class XmlText {

    private XmlText() {}

    /** Replace characters XML 1.0 cannot hold (NUL, most control characters, lone surrogates) with a visible escape. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            valid = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!valid && clean == null) {
                clean = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (clean != null) {
                if (valid) {
                    clean.append(c);
                } else {
                    clean.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return clean == null ? text : clean.toString();
    }
}
