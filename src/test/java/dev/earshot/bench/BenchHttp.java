package dev.earshot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks' small HTTP and measuring helpers: one GET, a cookie, a sign-in, a free port, percentiles. */
public final class BenchHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private BenchHttp() {}

    /** GET without following redirects; {@code cookies} is a Cookie header's value, or null. */
    public static HttpResponse<String> get(String url, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value the response sets for cookie {@code name}. */
    public static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        throw new IllegalStateException(
                "No " + name + " cookie from " + response.uri() + " (" + response.statusCode() + ")");
    }

    /**
     * Signs in at {@code base} through the fake Spotify ({@link BenchSpotify}) as listener {@code code}: /login, then the
     * callback with the state it chose (the fake grants any code). Answers the session's Cookie header.
     */
    static String signInWithFakeSpotify(String base, String code) throws IOException, InterruptedException {
        HttpResponse<String> login = get(base + "/login", null);
        String authorize = login.headers().firstValue("Location").orElseThrow();
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorize);
        if (!state.find()) {
            throw new IllegalStateException("/login sent no state: " + authorize);
        }
        HttpResponse<String> callback = get(
                base + "/api/callback?code=" + code + "&state=" + state.group(1),
                "earshot_login=" + cookie(login, "earshot_login"));
        return "earshot_session=" + cookie(callback, "earshot_session");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The nearest-rank percentile of {@code values}. */
    static double percentile(List<Double> values, double percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }
}
