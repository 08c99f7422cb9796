-- Writes: each customer in turn creates an enabled instance (POST /instances, charged to midnight) and, as soon
-- as it is created, deletes it again (DELETE /instances/{id}, credited), each request with its own Idempotency-Key.
-- Arguments: the file of session tokens, and a run id that keeps the keys of this run apart from earlier ones.
dofile(os.getenv("BENCH_WRK") .. "/statuses.lua")

local tokens = {}
local run = ""
local next_token = 0
local sent = 0
local created = {}   -- instances to delete: { customer, id }

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  run = args[2]
end

local function key()
  sent = sent + 1
  return "bench-" .. run .. "-" .. sent
end

function request()
  local headers = { ["Idempotency-Key"] = key() }
  if #created > 0 then
    local instance = table.remove(created, 1)
    headers["Authorization"] = "Bearer " .. tokens[instance.customer]
    return wrk.format("DELETE", "/api/v1/instances/" .. instance.id, headers)
  end
  next_token = next_token % #tokens + 1
  headers["Authorization"] = "Bearer " .. tokens[next_token]
  headers["Content-Type"] = "application/json"
  local body = string.format('{"name":"bench-%d-%s","packageId":"starter","expectedDevices":500,"enabled":true}', next_token, key())
  return wrk.format("POST", "/api/v1/instances", headers, body)
end

function response(status, headers, body)
  count_status(status)
  if status == 201 then
    -- The instance's own id comes first in the answer; its name says whose it is.
    local id = body:match('"id":"([%x%-]+)"')
    local customer = tonumber(body:match('"name":"bench%-(%d+)%-'))
    created[#created + 1] = { customer = customer, id = id }
  end
end
