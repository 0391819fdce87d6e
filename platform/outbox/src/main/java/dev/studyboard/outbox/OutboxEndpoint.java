package dev.studyboard.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The operator's side of poison events, on the management port (never through the gateway):
 *
 * <ul>
 *   <li>{@code GET /actuator/outbox} lists the parked events, with why and how many later events of their
 *       aggregate wait behind them;</li>
 *   <li>{@code POST /actuator/outbox/{id}} retries one, once its cause is fixed, from a fresh count of attempts;</li>
 *   <li>{@code DELETE /actuator/outbox/{id}} discards one: it is never sent, and stays in the table for the
 *       record.</li>
 * </ul>
 *
 * Either way the events held back behind it go out next, in order. An id that is not parked answers 404.
 */
@WebEndpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxStore store;
    private final OutboxRelay relay;

    OutboxEndpoint(OutboxStore store, OutboxRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    public record ParkedEvents(List<ParkedEvent> parked) {}

    @ReadOperation
    public ParkedEvents parked() {
        return new ParkedEvents(store.parked());
    }

    @WriteOperation
    public WebEndpointResponse<Void> retry(@Selector UUID id) {
        return wakeRelayIf(store.unpark(id));
    }

    @DeleteOperation
    public WebEndpointResponse<Void> discard(@Selector UUID id) {
        return wakeRelayIf(store.discard(id));
    }

    /** The events behind it may go now: this replica's relay starts at once, the others at their next poll. */
    private WebEndpointResponse<Void> wakeRelayIf(boolean changed) {
        if (!changed) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        relay.wakeUp();
        return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT);
    }
}
