package dev.narrativegraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with Bolt on a loopback address.
 *
 * <p>Arguments: {@code --data <dir> --port <port> [--host 127.0.0.1] [--watch-stdin]}. Prints one
 * line {@code NEO4J_READY bolt://host:port} when Bolt accepts connections, and shuts the database
 * down cleanly on SIGTERM/SIGINT, or when stdin closes if {@code --watch-stdin} is given (so a
 * parent that dies without cleaning up never leaves a database behind).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-launcher: " + e.getMessage());
      System.exit(2);
      return;
    }

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(options.dataDir)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, options.port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(options.txTimeoutSeconds))
        // The databases are checkpointed and closed before Bolt stops, so Bolt's default
        // 5 s + 5 s quiet periods only delay exit; keep a developer's Ctrl-C snappy.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      service.shutdown();
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
      stopped.countDown();
    }, "neo4j-shutdown"));

    // Touch the default database so startup errors surface here, not on the first query.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://" + options.host + ":" + options.port);
    System.out.flush();

    if (options.watchStdin) {
      Thread watcher = new Thread(() -> {
        drain(System.in);
        System.exit(0);
      }, "parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Discard: stdin is only a liveness signal from the parent process.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, which is the signal we wait for.
    }
  }

  private record Options(Path dataDir, String host, int port, long pageCacheMb,
      long txTimeoutSeconds, boolean watchStdin) {

    static Options parse(String[] args) {
      Path data = Path.of("data/neo4j");
      String host = "127.0.0.1";
      int port = 7687;
      long pageCacheMb = 256;
      long txTimeout = 60;
      boolean watch = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--data" -> data = Path.of(value(args, ++i, arg));
          case "--host" -> host = value(args, ++i, arg);
          case "--port" -> port = number(value(args, ++i, arg), arg, 1, 65535);
          case "--page-cache-mb" -> pageCacheMb = number(value(args, ++i, arg), arg, 8, 1 << 20);
          case "--tx-timeout-seconds" -> txTimeout = number(value(args, ++i, arg), arg, 1, 86400);
          case "--watch-stdin" -> watch = true;
          default -> throw new IllegalArgumentException("unknown argument " + arg);
        }
      }
      return new Options(data.toAbsolutePath(), host, port, pageCacheMb, txTimeout, watch);
    }

    private static String value(String[] args, int index, String flag) {
      if (index >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[index];
    }

    private static int number(String text, String flag, int min, int max) {
      try {
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
          throw new IllegalArgumentException(flag + " must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " must be a number, got '" + text + "'");
      }
    }
  }
}
