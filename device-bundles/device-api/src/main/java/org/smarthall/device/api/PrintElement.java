package org.smarthall.device.api;

/** One element of a printed ticket or receipt. */
public sealed interface PrintElement {

    enum Align {
        LEFT, CENTER, RIGHT
    }

    /**
     * A line of text (Chinese allowed).
     *
     * @param size 1 (normal) to 8 times the normal height and width
     */
    record Text(String text, int size, boolean bold, Align align) implements PrintElement {
        public Text {
            if (size < 1 || size > 8) {
                throw new IllegalArgumentException("text size must be 1 to 8");
            }
        }

        public static Text plain(String text) {
            return new Text(text, 1, false, Align.LEFT);
        }
    }

    /** A QR code of the given content (a booking link, an invoice check code). */
    record QrCode(String content, int moduleSize) implements PrintElement {
    }

    /** Feed blank lines. */
    record Feed(int lines) implements PrintElement {
    }

    /** Cut the paper. */
    record Cut() implements PrintElement {
    }
}
