package org.smarthall.device.simulators.printer;

import org.smarthall.device.api.PrintElement.Align;

/** One thing a simulated printer put on paper, as a test would check it by eye. */
public sealed interface Printed {

    /**
     * A line of text.
     *
     * @param width  1 to 8 times the normal width, as {@code GS !} set it when the line began
     * @param height 1 to 8 times the normal height
     */
    record Line(String text, int width, int height, boolean bold, Align align) implements Printed {
    }

    /**
     * A QR code.
     *
     * @param errorLevel {@code L}, {@code M}, {@code Q} or {@code H}
     */
    record Qr(String content, int model, int moduleSize, char errorLevel, Align align) implements Printed {
    }

    /** Blank lines fed ({@code ESC d n}). */
    record Feed(int lines) implements Printed {
    }

    /** The paper cut ({@code GS V}). */
    record Cut(boolean partial) implements Printed {
    }
}
