-- GET with the next customer's bearer token, round robin; without a token file, a plain GET.
-- Argument: a file of session tokens, one per line.
local tokens = {}
local next_token = 0

function init(args)
  if args[1] then for line in io.lines(args[1]) do tokens[#tokens + 1] = line end end
end

function request()
  if #tokens == 0 then return wrk.format("GET") end
  next_token = next_token % #tokens + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[next_token] })
end
