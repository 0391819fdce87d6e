package dev.studyboard.e2e.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load test (issue 17): a study group's evening through the gateway. Many members read (the books, a board, a
 * writer's summary), some work (sign in, take a free section, start it, complete it, look at their dashboard), and
 * the organizer edits the catalog (add a section, revise it, remove it, each change with {@code If-Match}). A closed
 * model: so many people are online at once, each visit followed by the next one's.
 *
 * <p>Full run, with Gatling's HTML report in {@code e2e-tests/target/gatling/}: the system with the gateway's rate
 * limit raised (the readers are anonymous, all from one address), {@code GATEWAY_RATE_LIMIT=1000 docker compose up
 * --build --detach}, the demo data loaded, {@code docker compose wait demo-loader}, then {@code ./mvnw -pl e2e-tests
 * -Pe2e test-compile gatling:test} (settings: {@link LoadSettings}). CI's smoke run: {@code LoadSmokeIT}.
 */
public class StudyBoardSimulation extends Simulation {

    private static final Duration THINK_MIN = Duration.ofSeconds(1);
    private static final Duration THINK_MAX = Duration.ofSeconds(4);
    /** Sections a worker takes on in one visit, signed in once. */
    private static final int SECTIONS_PER_VISIT = 3;
    /** The organizer's changes in one visit, signed in once. */
    private static final int EDITS_PER_VISIT = 3;

    /** The Authorization header of a signed-in virtual user ({@link SignIn}). */
    private static final String SIGNED_IN = "Bearer #{accessToken}";

    private static final List<Map<String, Object>> MEMBERS =
            List.of(Map.of("username", "sanggyeong"), Map.of("username", "sangcho"), Map.of("username", "taehyun"));

    private final LoadSettings settings = LoadSettings.from(System.getProperties());
    private final LoadBooks loadBooks = new LoadBooks(settings);
    private final SectionChoice choice = new SectionChoice();
    private final AtomicInteger edits = new AtomicInteger();
    /** Set in {@link #before()}, read by the virtual users once the run has begun. */
    private volatile LoadBooks.Books books;

    private final HttpProtocolBuilder gateway = http.baseUrl(settings.gateway().toString())
            .acceptHeader("application/json")
            .userAgentHeader("study-board-load-test")
            // every request reaches the system: what is measured is the services, not a browser's cache
            .disableCaching()
            // Gatling's first request warms up its HTTP client; by default it goes to gatling.io
            .warmUp(settings.gateway().resolve("/api/progress/books").toString());

    private final ScenarioBuilder readers = scenario("members reading")
            .exec(http("the books on the board")
                    .get("/api/progress/books")
                    .check(jsonPath("$[*].bookId").findRandom().saveAs("bookId")))
            .exec(http("the catalog").get("/api/catalog/books"))
            .exec(think())
            .exec(http("a board")
                    .get("/api/progress/books/#{bookId}/board")
                    .check(jmesPath("chapters[].rows[].writerId").ofList().saveAs("writers")))
            .exec(think())
            .doIf(session -> !session.getList("writers").isEmpty())
            .then(exec(http("a writer's summary").get("/api/progress/members/#{writers.random()}/summary")));

    private final ScenarioBuilder workers = scenario("members working")
            .feed(listFeeder(MEMBERS).circular())
            .exec(session -> session.set("bookId", books.work()))
            .exec(SignIn.as(settings))
            .exec(http("who am I")
                    .get("/api/members/me")
                    .header("Authorization", SIGNED_IN)
                    .check(jsonPath("$.id").saveAs("memberId")))
            .repeat(SECTIONS_PER_VISIT)
            .on(exec(http("the work's board")
                            .get("/api/progress/books/#{bookId}/board")
                            .check(jmesPath("chapters[].rows[] | [?writerId == `null`].item")
                                    .ofList()
                                    .saveAs("free")))
                    .exec(this::chooseSection)
                    .doIf(session -> session.contains("item"))
                    .then(takeStartComplete())
                    .exec(http("my dashboard")
                            .get("/api/dashboard/members/#{memberId}")
                            .header("Authorization", SIGNED_IN))
                    .exec(think()));

    private final ScenarioBuilder organizer = scenario("the organizer editing the catalog")
            .exec(session -> session.set("username", "organizer").set("bookId", books.edited()))
            .exec(SignIn.as(settings))
            .repeat(EDITS_PER_VISIT)
            .on(exec(http("open the book")
                            .get("/api/catalog/books/#{bookId}")
                            .check(header("ETag").saveAs("etag")))
                    .exec(session -> session.set("item", "1." + (2 + edits.getAndIncrement() % 998)))
                    .exec(think())
                    .exec(http("add a section")
                            .post("/api/catalog/books/#{bookId}/chapters/1/sections")
                            .header("Authorization", SIGNED_IN)
                            .header("If-Match", "#{etag}")
                            .body(StringBody("{\"item\": \"#{item}\", \"title\": \"새 절\", \"page\": 10}"))
                            .asJson()
                            .check(status().is(201), header("ETag").saveAs("etag")))
                    .exec(think())
                    .exec(http("revise the section")
                            .put("/api/catalog/books/#{bookId}/chapters/1/sections/#{item}")
                            .header("Authorization", SIGNED_IN)
                            .header("If-Match", "#{etag}")
                            .body(StringBody("{\"title\": \"고친 절\", \"page\": 11}"))
                            .asJson()
                            .check(status().is(200), header("ETag").saveAs("etag")))
                    .exec(think())
                    .exec(http("remove the section")
                            .delete("/api/catalog/books/#{bookId}/chapters/1/sections/#{item}")
                            .header("Authorization", SIGNED_IN)
                            .header("If-Match", "#{etag}")
                            .check(status().is(200))));

    {
        var ramp = settings.ramp();
        var steady = settings.steady();
        setUp(
                        readers.injectClosed(
                                rampConcurrentUsers(0).to(settings.readers()).during(ramp),
                                constantConcurrentUsers(settings.readers()).during(steady)),
                        workers.injectClosed(
                                rampConcurrentUsers(0).to(settings.workers()).during(ramp),
                                constantConcurrentUsers(settings.workers()).during(steady)),
                        organizer.injectClosed(constantConcurrentUsers(1).during(ramp.plus(steady))))
                .protocols(gateway)
                .assertions(
                        // a 409 for a section someone else took is an answer the checks expect, not a failure
                        global().failedRequests().count().is(0L),
                        global().responseTime().percentile(99.0).lt((int)
                                settings.p99Target().toMillis()),
                        // the work got done: not every take lost a race
                        details("complete the section")
                                .successfulRequests()
                                .count()
                                .gt(0L));
    }

    @Override
    public void before() {
        books = loadBooks.register();
        System.out.printf(
                "Load run on %s: %d readers, %d workers and the organizer, %d s arriving and %d s staying;"
                        + " the workers' book %s, the organizer's %s%n",
                settings.gateway(),
                settings.readers(),
                settings.workers(),
                settings.ramp().toSeconds(),
                settings.steady().toSeconds(),
                books.work(),
                books.edited());
    }

    @Override
    public void after() {
        if (books != null) {
            loadBooks.remove(books);
        }
    }

    /**
     * Take: 200, or 409 when another member was quicker (the race of {@link SectionChoice}), which ends this
     * attempt. Start and complete: the section is then the worker's own, so 200 and nothing else.
     */
    private ChainBuilder takeStartComplete() {
        var section = "/api/progress/books/#{bookId}/sections/#{item}";
        return exec(http("take a section")
                        .post(section + "/take")
                        .header("Authorization", SIGNED_IN)
                        .check(status().in(200, 409).saveAs("taken")))
                .doIf(session -> session.getInt("taken") == 200)
                .then(exec(think())
                        .exec(http("start the section")
                                .post(section + "/start")
                                .header("Authorization", SIGNED_IN)
                                .check(status().is(200)))
                        .exec(think())
                        .exec(http("complete the section")
                                .post(section + "/complete")
                                .header("Authorization", SIGNED_IN)
                                .check(status().is(200))));
    }

    private Session chooseSection(Session session) {
        List<String> free = session.getList("free");
        return choice.next(session.getString("username"), free)
                .map(item -> session.set("item", item))
                .orElseGet(() -> session.remove("item"));
    }

    private static ChainBuilder think() {
        return pause(THINK_MIN, THINK_MAX);
    }
}
