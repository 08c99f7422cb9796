-- Writes: each seeded instance in turn is quoted a change of its expected devices (POST /quotes, 500 <-> 600),
-- and the change is then made with that quote (PUT /instances/{id}/settings with quoteId): a charge one way, a
-- credit the other. A change is refused (409) if its amount moved since the quote, as a customer's would be.
-- Arguments: a file of lines "token instanceId", and a run id for the Idempotency-Keys.
dofile(os.getenv("BENCH_WRK") .. "/statuses.lua")

local instances = {}  -- { token, id, devices }
local by_id = {}
local run = ""
local next_instance = 0
local sent = 0
local quoted = {}     -- changes to make: { instance, quote, devices }

function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("^(%S+)%s+(%S+)$")
    instances[#instances + 1] = { token = token, id = id, devices = 500 }
    by_id[id] = instances[#instances]
  end
  run = args[2]
end

local function headers(instance)
  sent = sent + 1
  return { ["Authorization"] = "Bearer " .. instance.token, ["Content-Type"] = "application/json",
           ["Idempotency-Key"] = "bench-" .. run .. "-" .. sent }
end

function request()
  if #quoted > 0 then
    local change = table.remove(quoted, 1)
    return wrk.format("PUT", "/api/v1/instances/" .. change.instance.id .. "/settings", headers(change.instance),
      string.format('{"packageId":"starter","expectedDevices":%d,"quoteId":"%s"}', change.devices, change.quote))
  end
  next_instance = next_instance % #instances + 1
  local instance = instances[next_instance]
  local devices = instance.devices == 500 and 600 or 500
  instance.target = devices
  return wrk.format("POST", "/api/v1/quotes", headers(instance),
    string.format('{"action":"CHANGE_SETTINGS","instanceId":"%s","packageId":"starter","expectedDevices":%d}', instance.id, devices))
end

function response(status, headers, body)
  count_status(status)
  if status ~= 200 then return end
  if body:find('"action":"CHANGE_SETTINGS"', 1, true) then
    local instance = by_id[body:match('"instanceId":"([%x%-]+)"')]
    quoted[#quoted + 1] = { instance = instance, quote = body:match('"id":"([%x%-]+)"'), devices = instance.target }
  else
    local instance = by_id[body:match('"id":"([%x%-]+)"')]
    if instance then instance.devices = tonumber(body:match('"expectedDevices":(%d+)')) end
  end
end
