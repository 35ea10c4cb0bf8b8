-- wrk script for reads: a plain GET of the URL given on the command line.
-- BENCH_ACCEPT_ENCODING (optional): sent as Accept-Encoding, so every server is compared on the same encoding.
-- Prints one line "WRK_JSON {...}" with the summary (latencies in microseconds).

wrk.method = "GET"
local ae = os.getenv("BENCH_ACCEPT_ENCODING")
if ae ~= nil and ae ~= "" then
  wrk.headers["Accept-Encoding"] = ae
end
wrk.headers["Accept"] = "application/json"
-- BENCH_ORIGIN (optional): the publisher page's origin, which a browser sends on the widget's cross-origin fetch.
local origin = os.getenv("BENCH_ORIGIN")
if origin ~= nil and origin ~= "" then
  wrk.headers["Origin"] = origin
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end
