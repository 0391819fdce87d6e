// The study board's own script: everything else is htmx.

// CSRF: the gateway keeps the session and wants its token back on every state-changing request, in a header read
// from the XSRF-TOKEN cookie (which is why that cookie is readable by the page, and the session cookie is not).
document.addEventListener("htmx:configRequest", (event) => {
    const cookie = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
    if (cookie) {
        event.detail.headers["X-XSRF-TOKEN"] = decodeURIComponent(cookie.substring("XSRF-TOKEN=".length));
    }
});

// htmx 2 swaps no 4xx answer, whatever its headers say (HX-Reswap and HX-Retarget only change how it swaps). A
// refused button is answered with its row and an alert (403, 404, 409, 422), a refused upload with the form and
// its problems (400, 413, 422), any other refusal of an htmx request with a small alert placed next to the element
// (page/error :: alert): those are shown. Other errors (401, 5xx) swap nothing.
htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "^(400|403|404|409|413|422)$", swap: true },
    { code: "[45]..", swap: false, error: true },
];

// Only HTML fragments made to be swapped are: not the gateway's JSON (a CSRF refusal, a body too large), not a whole
// page. Whatever is not swapped is told by a short alert next to the element, never by its raw body.
document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, shouldSwap } = event.detail;
    if (xhr.status < 400) {
        return;
    }
    const html = (xhr.getResponseHeader("Content-Type") || "").startsWith("text/html");
    const wholePage = /^\s*<!doctype/i.test(xhr.responseText);
    if (shouldSwap && html && !wholePage) {
        return;
    }
    event.detail.shouldSwap = false;
    refused(event.detail.requestConfig.elt, `다시 시도해 주세요 (${xhr.status})`);
});

// A new try clears the alert of the last one.
document.addEventListener("htmx:beforeRequest", (event) => {
    const next = event.detail.elt.nextElementSibling;
    if (next && next.matches("[data-refusal]")) {
        next.remove();
    }
});

function refused(elt, words) {
    const alert = document.createElement("p");
    alert.className = "alert";
    alert.setAttribute("role", "alert");
    alert.dataset.refusal = "";
    alert.textContent = words;
    elt.after(alert);
}
