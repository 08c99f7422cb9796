-- Counts the answers by status and prints them when the run ends ("status 201: 1234"), so that the harness
-- can tell a refused write (409) from a failed one (5xx). Included by the write scripts.
statuses = {}

function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
end
