package dev.hum.process;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;

/** Finds the local URLs a process prints ({@code http://localhost:5173/}), the address people open or curl. */
final class UrlFinder {

    /** A cheap test on the raw line before the regex runs: every URL has it. */
    static final String MARK = "://";

    private static final Pattern URL = Pattern.compile(
            "https?://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1?\\])(?::\\d{1,5})?(?:/[^\\s\"'<>`)\\]]*)?");

    private UrlFinder() {}

    /** The URLs in {@code line}, in order; a sentence's closing punctuation is not part of one. */
    static List<String> find(String line) {
        if (!line.contains(MARK)) {
            return List.of();
        }
        Matcher m = URL.matcher(line);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && ".,;:!?".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            found.add(url.substring(0, end));
        }
        return found;
    }
}
