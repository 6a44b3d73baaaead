package org.smarthall.device.simulators.printer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.smarthall.device.api.PrintElement.Align;
import org.smarthall.device.simulators.SimulatedDevice;

/**
 * An ESC/POS ticket printer (an Epson TM-T88 as the Chinese kiosk printers copy it): reads the
 * byte stream, keeps what it would put on paper as a list of {@link Printed} things, and answers
 * the real-time status queries {@code DLE EOT 1..4} from state a test sets (paper out, near end,
 * cover open, offline, cutter error). Written from the command reference, apart from the
 * driver's encoder, so one mistake does not pass its own test.
 *
 * <p>Strict where a lax printer would hide a driver's mistake: after {@code ESC @} the printer is
 * in single-byte mode until {@code FS &} (bytes from 0x80 then print as {@code U+FFFD}, a box on
 * paper); text lines take the size, weight and alignment in force at their first byte; unknown
 * commands are skipped and counted. Commands understood: {@code ESC @ E a d ! 2 3 J},
 * {@code FS & .}, {@code GS ! V ( k} (QR: fn 65, 67, 69, 80, 81), {@code DLE EOT n}, LF, CR.
 *
 * <p>Faults: those of {@link SimulatedDevice} apply to the status answers ({@code BAD_CHECKSUM}
 * flips bits 1, 3, 4 and 6, so the byte loses its fixed bits; {@code TRUNCATED} sends nothing);
 * {@link #noiseBeforeNextAnswer(int)} puts a stray byte before an answer; {@link #mute(boolean)}
 * stops answering.
 */
public final class EscPosPrinterSimulator extends SimulatedDevice {
    private static final int DLE = 0x10;
    private static final int ESC = 0x1B;
    private static final int FS = 0x1C;
    private static final int GS = 0x1D;
    private static final Charset GBK = Charset.forName("GBK");

    private final List<Printed> printed = new CopyOnWriteArrayList<>();
    private final Queue<Integer> noise = new ConcurrentLinkedQueue<>();
    private final AtomicInteger statusQueries = new AtomicInteger();
    private final AtomicInteger unknownBytes = new AtomicInteger();
    private volatile boolean paperOut;
    private volatile boolean paperNearEnd;
    private volatile boolean coverOpen;
    private volatile boolean offline;
    private volatile boolean cutterError;
    private volatile boolean mute;

    // print state, on the reader thread only
    private int width = 1;
    private int height = 1;
    private boolean bold;
    private Align align = Align.LEFT;
    private boolean chinese;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Printed.Line lineStyle;
    private int qrModel = 2;
    private int qrModule = 3;
    private char qrLevel = 'L';
    private byte[] qrData;

    public EscPosPrinterSimulator(Path port) {
        this(port, 9_600);
    }

    public EscPosPrinterSimulator(Path port, int baud) {
        super(port, baud);
    }

    // --- state a test or hall:simulate sets

    public void paperOut(boolean out) {
        paperOut = out;
    }

    public void paperNearEnd(boolean nearEnd) {
        paperNearEnd = nearEnd;
    }

    public void coverOpen(boolean open) {
        coverOpen = open;
    }

    /** Offline with no other cause (the feed button held, a pause). */
    public void offline(boolean off) {
        offline = off;
    }

    public void cutterError(boolean error) {
        cutterError = error;
    }

    /** Stops answering status queries (a printer that does not know DLE EOT, or a wrong baud rate). */
    public void mute(boolean silent) {
        mute = silent;
    }

    /** The next status answer comes after this byte, as line noise would put it there. */
    public void noiseBeforeNextAnswer(int b) {
        noise.add(b & 0xFF);
    }

    // --- what was printed

    /** Everything printed since the start, in order. */
    public List<Printed> printed() {
        return List.copyOf(printed);
    }

    /** The printed things split after each cut; the last one may not be cut yet. */
    public List<List<Printed>> tickets() {
        List<List<Printed>> tickets = new ArrayList<>();
        List<Printed> current = new ArrayList<>();
        for (Printed p : printed) {
            current.add(p);
            if (p instanceof Printed.Cut) {
                tickets.add(List.copyOf(current));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            tickets.add(List.copyOf(current));
        }
        return tickets;
    }

    /** The text lines of the last ticket, for a look by eye ({@code hall:simulate printer1 printed}). */
    public List<String> lastTicketText() {
        List<List<Printed>> t = tickets();
        if (t.isEmpty()) {
            return List.of();
        }
        List<String> text = new ArrayList<>();
        for (Printed p : t.get(t.size() - 1)) {
            if (p instanceof Printed.Line l) {
                text.add(l.text());
            } else if (p instanceof Printed.Qr q) {
                text.add("[QR " + q.content() + "]");
            } else if (p instanceof Printed.Cut) {
                text.add("[cut]");
            }
        }
        return text;
    }

    public int statusQueries() {
        return statusQueries.get();
    }

    /** Bytes of commands this printer does not know, skipped. */
    public int unknownBytes() {
        return unknownBytes.get();
    }

    // --- the stream

    @Override
    protected int received(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int used = command(b, i, length);
            if (used == 0) {
                break; // incomplete: wait for more bytes
            }
            i += used;
        }
        return i;
    }

    @Override
    protected void reconnected() {
        // power came back: a printer starts afresh, what was half received is gone
        reset();
        line.reset();
        lineStyle = null;
    }

    /** @return bytes of the command at {@code i}, 0 when it is not complete yet */
    private int command(byte[] b, int i, int length) {
        int c = b[i] & 0xFF;
        int left = length - i;
        switch (c) {
            case 0x0A:
                endLine(true);
                return 1;
            case 0x0D:
                return 1;
            case DLE:
                if (left < 3) {
                    return 0;
                }
                if (b[i + 1] == 0x04) {
                    answerStatus(b[i + 2] & 0xFF);
                    return 3;
                }
                unknownBytes.addAndGet(2);
                return 2;
            case ESC:
                return left < 2 ? 0 : esc(b, i, left);
            case FS:
                if (left < 2) {
                    return 0;
                }
                if (b[i + 1] == '&') {
                    chinese = true;
                } else if (b[i + 1] == '.') {
                    chinese = false;
                } else {
                    unknownBytes.addAndGet(2);
                }
                return 2;
            case GS:
                return left < 2 ? 0 : gs(b, i, left);
            default:
                if (c < 0x20) {
                    unknownBytes.incrementAndGet();
                    return 1;
                }
                if (line.size() == 0) {
                    lineStyle = new Printed.Line("", width, height, bold, align);
                }
                line.write(c);
                return 1;
        }
    }

    private int esc(byte[] b, int i, int left) {
        int cmd = b[i + 1] & 0xFF;
        switch (cmd) {
            case '@':
                endLine(false);
                reset();
                return 2;
            case '2':
                return 2;
            case 'E', 'a', 'd', '!', '3', 'J':
                if (left < 3) {
                    return 0;
                }
                int n = b[i + 2] & 0xFF;
                if (cmd == 'E') {
                    bold = (n & 1) == 1;
                } else if (cmd == 'a') {
                    align = switch (n) {
                        case 1, '1' -> Align.CENTER;
                        case 2, '2' -> Align.RIGHT;
                        default -> Align.LEFT;
                    };
                } else if (cmd == 'd') {
                    endLine(false);
                    printed.add(new Printed.Feed(n));
                }
                return 3;
            default:
                unknownBytes.addAndGet(2);
                return 2;
        }
    }

    private int gs(byte[] b, int i, int left) {
        int cmd = b[i + 1] & 0xFF;
        if (cmd == '!') {
            if (left < 3) {
                return 0;
            }
            int n = b[i + 2] & 0xFF;
            width = (n >> 4 & 0x07) + 1;
            height = (n & 0x07) + 1;
            return 3;
        }
        if (cmd == 'V') {
            if (left < 3) {
                return 0;
            }
            int m = b[i + 2] & 0xFF;
            boolean withFeed = m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
            if (withFeed && left < 4) {
                return 0;
            }
            endLine(false);
            boolean partial = m == 1 || m == 49 || m == 66 || m == 98 || m == 104;
            printed.add(new Printed.Cut(partial));
            return withFeed ? 4 : 3;
        }
        if (cmd == '(') {
            if (left < 5) {
                return 0;
            }
            int size = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
            if (left < 5 + size) {
                return 0;
            }
            if (b[i + 2] == 'k' && size >= 2 && (b[i + 5] & 0xFF) == 49) {
                qr(b[i + 6] & 0xFF, b, i + 7, size - 2);
            } else {
                unknownBytes.addAndGet(5 + size);
            }
            return 5 + size;
        }
        unknownBytes.addAndGet(2);
        return 2;
    }

    /** {@code GS ( k} with cn 49 (QR code): function {@code fn}, its parameters at {@code from}. */
    private void qr(int fn, byte[] b, int from, int count) {
        switch (fn) {
            case 65 -> qrModel = count >= 1 ? (b[from] & 0xFF) - 48 : qrModel;
            case 67 -> qrModule = count >= 1 ? b[from] & 0xFF : qrModule;
            case 69 -> qrLevel = count >= 1 ? "LMQH".charAt(Math.min(3, Math.max(0, (b[from] & 0xFF) - 48))) : qrLevel;
            case 80 -> qrData = count >= 1 ? java.util.Arrays.copyOfRange(b, from + 1, from + count) : null;
            case 81 -> {
                if (qrData != null) {
                    endLine(false);
                    printed.add(new Printed.Qr(new String(qrData, StandardCharsets.UTF_8), qrModel, qrModule, qrLevel,
                            align));
                }
            }
            default -> unknownBytes.addAndGet(count + 7);
        }
    }

    private void endLine(boolean lineFeed) {
        if (line.size() == 0 && !lineFeed) {
            return;
        }
        Printed.Line style = lineStyle != null ? lineStyle : new Printed.Line("", width, height, bold, align);
        printed.add(new Printed.Line(decode(line.toByteArray()), style.width(), style.height(), style.bold(),
                style.align()));
        line.reset();
        lineStyle = null;
    }

    private String decode(byte[] bytes) {
        if (!chinese) {
            StringBuilder s = new StringBuilder();
            for (byte x : bytes) {
                s.append((x & 0xFF) < 0x80 ? (char) x : '\uFFFD');
            }
            return s.toString();
        }
        try {
            return GBK.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // not with REPLACE
        }
    }

    private void reset() {
        width = 1;
        height = 1;
        bold = false;
        align = Align.LEFT;
        chinese = false;
    }

    private void answerStatus(int n) {
        statusQueries.incrementAndGet();
        if (mute || n < 1 || n > 4) {
            return;
        }
        boolean notReady = offline || coverOpen || paperOut || cutterError;
        int answer = 0x12;
        switch (n) {
            case 1 -> answer |= notReady ? 0x08 : 0;
            case 2 -> answer |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            case 3 -> answer |= cutterError ? 0x08 : 0;
            default -> answer |= (paperNearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0);
        }
        Integer stray = noise.poll();
        if (stray != null) {
            sendRaw(new byte[] {(byte) (int) stray});
        }
        send(new byte[] {(byte) answer});
    }
}
