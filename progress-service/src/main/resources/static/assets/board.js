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
// its problems (400, 413, 422): those are shown. Other errors (401, 5xx) swap nothing.
htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "^(400|403|404|409|413|422)$", swap: true },
    { code: "[45]..", swap: false, error: true },
];
