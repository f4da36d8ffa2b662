package dev.hum.log;

/** Packs one cell style (foreground, background, attributes) into a {@code long}; 0 is the terminal default. */
public final class Style {
    /*
     * Layout, low bit first:
     *   bits  0..23 foreground value, bits 24..25 foreground kind (ColorKind ordinal)
     *   bits 26..49 background value, bits 50..51 background kind
     *   bits 52..57 attributes: bold, dim, italic, underline, reverse, strikethrough
     * A long keeps the per-line style runs free of objects, and 0 meaning "default" lets a line that never
     * changed colour be recognised without looking at its fields.
     */

    /** How a colour is given. */
    public enum ColorKind {
        /** The terminal's default colour; the value is 0. */
        DEFAULT,
        /** One of the 16 ANSI colours, value 0..15 (8..15 are the bright ones). */
        ANSI16,
        /** An index into the xterm 256-colour palette, value 0..255. */
        INDEXED,
        /** A 24-bit colour, value 0xRRGGBB. */
        RGB
    }

    public static final long DEFAULT = 0L;
    public static final long BOLD = 1L << 52;
    public static final long DIM = 1L << 53;
    public static final long ITALIC = 1L << 54;
    public static final long UNDERLINE = 1L << 55;
    public static final long REVERSE = 1L << 56;
    public static final long STRIKETHROUGH = 1L << 57;

    static final long ATTRIBUTES = 0x3FL << 52;
    private static final int BG_SHIFT = 26;
    private static final long COLOR_MASK = (1L << 26) - 1;
    private static final ColorKind[] KINDS = ColorKind.values();

    private Style() {}

    public static ColorKind fgKind(long style) {
        return KINDS[(int) (style >>> 24) & 3];
    }

    public static int fgValue(long style) {
        return (int) style & 0xFFFFFF;
    }

    public static ColorKind bgKind(long style) {
        return KINDS[(int) (style >>> (BG_SHIFT + 24)) & 3];
    }

    public static int bgValue(long style) {
        return (int) (style >>> BG_SHIFT) & 0xFFFFFF;
    }

    /** True when every bit of {@code attribute} (for example {@link #BOLD}) is set. */
    public static boolean has(long style, long attribute) {
        return (style & attribute) == attribute;
    }

    public static long withFg(long style, ColorKind kind, int value) {
        return (style & ~COLOR_MASK) | color(kind, value);
    }

    public static long withBg(long style, ColorKind kind, int value) {
        return (style & ~(COLOR_MASK << BG_SHIFT)) | (color(kind, value) << BG_SHIFT);
    }

    @SuppressWarnings("EnumOrdinal") // a style packs its colour kind as the ordinal, into one long
    private static long color(ColorKind kind, int value) {
        int v = kind == ColorKind.DEFAULT ? 0 : value & 0xFFFFFF;
        return ((long) kind.ordinal() << 24) | v;
    }
}
