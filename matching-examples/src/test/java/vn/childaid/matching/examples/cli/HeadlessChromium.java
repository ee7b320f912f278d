package vn.childaid.matching.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A headless Chromium for tests, driven through its DevTools protocol over a WebSocket (the JDK's
 * own client, so no driver to install): opens a local page, records every console message and
 * error the page causes, measures elements after layout and takes a screenshot. The page under
 * test runs no scripts of its own; the measuring happens from outside it, so its content security
 * policy does not get in the way.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Where Debian's {@code chromium} package and other distributions put the browser. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> incoming;
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private HeadlessChromium(Process process, WebSocket socket, BlockingQueue<JsonNode> incoming) {
        this.process = process;
        this.incoming = incoming;
        this.socket = socket;
    }

    /** The browser's executable: {@code CHROMIUM} from the environment if set, else the first one installed. */
    static Optional<Path> find() {
        String given = System.getenv("CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser with an empty profile in {@code workDirectory}. */
    static HeadlessChromium start(Path executable, Path workDirectory) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDirectory.resolve("chromium-profile"));
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--disable-gpu",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--mute-audio", "--disable-background-networking", "--disable-dev-shm-usage"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to run its sandbox as root (CI containers)
        }
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String address = devToolsAddress(process);
        try {
            BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(address), new WebSocket.Listener() {
                        private final StringBuilder message = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            message.append(data);
                            if (last) {
                                try {
                                    incoming.add(JSON.readTree(message.toString()));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                                message.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new HeadlessChromium(process, socket, incoming);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to Chromium's DevTools at " + address, e);
        }
    }

    /** Reads the browser's standard error until it says where DevTools listens; keeps draining it after. */
    private static String devToolsAddress(Process process) throws IOException, InterruptedException {
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> address = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        address.complete(matcher.group(1));
                    } else if (!address.isDone() && seen.length() < 8000) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // The browser ended; the wait below reports it.
            }
            address.completeExceptionally(new IOException("Chromium ended without opening DevTools:\n" + seen));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return address.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("Chromium did not open DevTools within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /**
     * Opens {@code page} in a new tab {@code width} CSS pixels wide and as tall as the page, once it
     * has loaded; the tab's console and errors are recorded from before the page starts loading.
     */
    Tab open(Path page, int width) throws IOException, InterruptedException {
        String target = command(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                .path("targetId").asText();
        String session = command(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
                .put("flatten", true)).path("sessionId").asText();
        Tab tab = new Tab(session);
        tab.call("Runtime.enable");
        tab.call("Log.enable");
        tab.call("Page.enable");
        tab.resize(width, 1000);
        tab.call("Page.navigate", JSON.createObjectNode().put("url", page.toUri().toString()));
        awaitEvent(session, "Page.loadEventFired");
        tab.fitHeight(width);
        return tab;
    }

    /** A tab holding a page. */
    final class Tab {
        private final String session;

        private Tab(String session) {
            this.session = session;
        }

        /**
         * The value of {@code expression}, evaluated from outside the page (unaffected by its content
         * security policy); a JSON-serialisable value is returned whole.
         */
        JsonNode evaluate(String expression) throws IOException, InterruptedException {
            JsonNode result = command(session, "Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                    .put("returnByValue", true).put("awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IOException("evaluating " + expression + " failed: " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /**
         * Every console message, uncaught exception and browser log entry at warning level or worse
         * (a refused fetch, a broken policy, a parse error) the tab has seen so far, in words.
         */
        List<String> problems() throws IOException, InterruptedException {
            evaluate("0"); // a round trip, so that messages sent before it have arrived
            List<String> problems = new ArrayList<>();
            for (JsonNode event : events) {
                if (!session.equals(event.path("sessionId").asText())) {
                    continue;
                }
                JsonNode params = event.path("params");
                switch (event.path("method").asText()) {
                    case "Runtime.consoleAPICalled" -> problems.add("console." + params.path("type").asText() + ": "
                            + params.path("args"));
                    case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
                    case "Log.entryAdded" -> {
                        String level = params.path("entry").path("level").asText();
                        if (level.equals("error") || level.equals("warning")) {
                            problems.add("log " + level + ": " + params.path("entry").path("text").asText() + " "
                                    + params.path("entry").path("url").asText());
                        }
                    }
                    default -> { }
                }
            }
            return problems;
        }

        /** Lays the page out as for printing ({@code @media print}) from now on, {@code width} CSS pixels wide. */
        void emulatePrint(int width) throws IOException, InterruptedException {
            call("Emulation.setEmulatedMedia", JSON.createObjectNode().put("media", "print"));
            fitHeight(width);
        }

        /** Makes the window as tall as the page, so that a screenshot holds all of it. */
        private void fitHeight(int width) throws IOException, InterruptedException {
            int height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt();
            resize(width, Math.max(height, 1));
        }

        /** The whole page as painted, at one device pixel per CSS pixel. */
        BufferedImage screenshot() throws IOException, InterruptedException {
            JsonNode shot = command(session, "Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(shot.path("data").asText())));
        }

        private void resize(int width, int height) throws IOException, InterruptedException {
            command(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                    .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        }

        private JsonNode call(String method) throws IOException, InterruptedException {
            return HeadlessChromium.this.command(session, method, JSON.createObjectNode());
        }

        private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
            return HeadlessChromium.this.command(session, method, params);
        }
    }

    /** Sends one command and waits for its answer, keeping the events that arrive meanwhile. */
    private JsonNode command(String session, String method, ObjectNode params) throws IOException, InterruptedException {
        int id = nextId.getAndIncrement();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        if (session != null) {
            command.put("sessionId", session);
        }
        socket.sendText(JSON.writeValueAsString(command), true).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            JsonNode message = next(deadline, method);
            if (message.path("id").asInt(-1) == id) {
                if (message.has("error")) {
                    throw new IOException(method + " failed: " + message.get("error"));
                }
                return message.path("result");
            }
            events.add(message);
        }
    }

    private void awaitEvent(String session, String method) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            JsonNode message = next(deadline, method);
            events.add(message);
            if (method.equals(message.path("method").asText()) && session.equals(message.path("sessionId").asText())) {
                return;
            }
        }
    }

    private JsonNode next(long deadline, String awaited) throws IOException, InterruptedException {
        JsonNode message = incoming.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new IOException("Chromium did not answer " + awaited + " within " + TIMEOUT_SECONDS + " s");
        }
        return message;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true).get(5, TimeUnit.SECONDS);
        } catch (Exception alreadyGone) {
            // Ended below either way.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
