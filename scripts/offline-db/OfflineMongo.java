import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Launcher for the offline MongoDB fallback (mongo-java-server 1.47.0). Development and tests only.
 *
 * <p>Usage: {@code java -cp classes:lib/* OfflineMongo [--port N] [--h2 FILE]}
 *
 * <p>offlineMongo.mjs compiles this file once with javac into classes/ rather than using Java's
 * single-file source launch: source launch runs the compiler in memory on every start, which
 * costs roughly a second per server start, and every test worker starts one.
 *
 * <p>Contract with offlineMongo.mjs: stdout carries exactly one line,
 * {@code MONGO_JAVA_SERVER_READY port=N}, once the socket is listening. Everything else (warnings,
 * errors) goes to stderr. The process stops cleanly, closing the H2 store, on SIGTERM, SIGINT and
 * when stdin reaches end of file, so it never outlives the Node process that spawned it.
 */
public final class OfflineMongo {

    private static final String USAGE = "usage: OfflineMongo [--port N] [--h2 FILE]";

    private OfflineMongo() {
    }

    public static void main(String[] args) {
        quietLogging();

        int port = 0;
        String h2File = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--port") || arg.equals("--h2")) && i + 1 >= args.length) {
                fail(2, arg + " needs a value; " + USAGE);
            }
            if (arg.equals("--port")) {
                port = parsePort(args[++i]);
            } else if (arg.equals("--h2")) {
                h2File = args[++i];
            } else {
                fail(2, "unknown argument '" + arg + "'; " + USAGE);
            }
        }

        MongoBackend backend = h2File == null ? new MemoryBackend() : openH2(h2File);
        // 1.47.0 already defaults to 5.0; set it anyway so an upgrade cannot silently drop the wire
        // version below 8, the minimum the mongodb 6.x Node driver accepts.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);

        // A shutdown hook runs on SIGTERM, SIGINT and System.exit alike. shutdownNow() closes the
        // clients, then the backend, and H2Backend.close() commits and closes the MVStore file.
        Thread shutdown = new Thread(server::shutdownNow, "offline-mongo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        try {
            // 127.0.0.1 rather than "localhost", which may resolve to ::1 while clients dial IPv4.
            server.bind("127.0.0.1", port);
        } catch (Exception e) {
            // Netty rethrows the checked BindException undeclared, so catching RuntimeException is
            // not enough, and MongoServer.bind() only cleans up after RuntimeExceptions: without
            // shutdownNow() its event loop threads would keep this JVM alive.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            server.shutdownNow();
            fail(1, "cannot listen on 127.0.0.1:" + port + ": " + rootMessage(e));
        }

        watchStdin();
        InetSocketAddress address = server.getLocalAddress();
        System.out.println("MONGO_JAVA_SERVER_READY port=" + address.getPort());
        System.out.flush();
        // Netty's event loop threads are non-daemon and keep the JVM alive from here on.
    }

    /**
     * Runs before any slf4j logger exists. mongo-java-server logs every connection at INFO, and at
     * ERROR with a 40-line stack trace every failed command (a duplicate key, an unsupported
     * operator) and every client that resets its socket. The client already receives each of those
     * as an error reply or a network error, so those two loggers are off and the rest is at WARN,
     * and the "secondary index ... not yet implemented" notes (one per index per database) are
     * reduced to errors only.
     * A -D flag (for instance through JAVA_TOOL_OPTIONS) overrides any of these when debugging.
     */
    private static void quietLogging() {
        String prefix = "org.slf4j.simpleLogger.";
        setDefaultProperty(prefix + "logFile", "System.err");
        setDefaultProperty(prefix + "defaultLogLevel", "warn");
        // Failed commands are logged by MongoDatabaseHandler under MongoWireProtocolHandler's name,
        // which itself logs nothing above DEBUG.
        setDefaultProperty(prefix + "log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "off");
        setDefaultProperty(prefix + "log.de.bwaldvogel.mongo.wire.MongoExceptionHandler", "off");
        // Every createIndexes of a non-unique index warns "not yet implemented. ignoring": the
        // index is simply not used (a documented limit of this fallback), once per test database.
        setDefaultProperty(prefix + "log.de.bwaldvogel.mongo.backend.AbstractMongoDatabase", "error");
    }

    private static void setDefaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static MongoBackend openH2(String file) {
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new H2Backend(file);
        } catch (IOException | RuntimeException e) {
            String message = rootMessage(e);
            // MVStore holds an exclusive lock on its file for as long as a server has it open.
            String hint = message.contains("locked") ? " (is another offline MongoDB server using this file?)" : "";
            fail(1, "cannot open H2 store '" + file + "': " + message + hint);
            return null;
        }
    }

    /** Exits (running the shutdown hook) once stdin closes, i.e. when the parent process is gone. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) != -1) {
                    // Input carries no meaning; only its end does.
                }
            } catch (IOException e) {
                // A broken stdin means the parent is gone, exactly like end of file.
            }
            System.exit(0);
        }, "offline-mongo-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the offending value.
        }
        fail(2, "--port must be an integer from 0 to 65535 (0 picks a free port), got '" + value + "'");
        return -1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + " (cause: " + root + ")";
    }

    private static void fail(int status, String message) {
        System.err.println("OfflineMongo: " + message);
        System.exit(status);
    }
}
