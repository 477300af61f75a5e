package cn.rescueforce.devkit.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests released at the same moment, for the tests of what concurrent clients do: retries with one
 * {@code Idempotency-Key} that must take effect once, duplicates that a unique constraint must refuse.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code times} calls, each on its own thread, all waiting for one signal; their answers in starting order. */
    public static <T> List<T> run(int times, Callable<T> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(callers.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            callers.shutdown();
        }
    }

    /** The same request sent {@code times} times at once (the client's own threads, not the callers': they block in send). */
    public static List<HttpResponse<String>> send(HttpRequest request, int times) throws Exception {
        ExecutorService connections = Executors.newFixedThreadPool(times);
        try {
            HttpClient http = HttpClient.newBuilder().executor(connections).build();
            return run(times, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } finally {
            connections.shutdown();
        }
    }
}
