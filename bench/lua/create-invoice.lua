-- wrk script: POST /api/v1/invoices with a unique number per request.
-- Environment: CUSTOMER_ID (an existing customer), AUTH_HEADER and AUTH_VALUE (X-API-Key or Authorization).
local counter = 0
local thread_tag = ""

function setup(thread)
  thread:set("tag", tostring(math.random(1, 1e9)))
end

function init(args)
  thread_tag = tag or tostring(math.random(1, 1e9))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"customerId":"%s","number":"B-%s-%d-%d","issueDate":"2026-06-01","lines":[' ..
    '{"description":"Widget","quantity":3,"unitPrice":19.99,"vatRate":20},' ..
    '{"description":"Book","quantity":1,"unitPrice":12.50,"vatRate":5.5}]}',
    os.getenv("CUSTOMER_ID"), os.getenv("RUN_ID"), thread_tag, counter)
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers[os.getenv("AUTH_HEADER")] = os.getenv("AUTH_VALUE")
  return wrk.format("POST", "/api/v1/invoices", headers, body)
end

-- Non-2xx answers are reported by wrk as "Non-2xx or 3xx responses"; print p50/p99 in one line too.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
