-- The web portal's pages as browsers ask them, round robin over the lines of a file: "<session token> <path>"
-- ("-" for a visitor who is not signed in), sent with the session cookie and a form token cookie; a line with a
-- third field is POSTed with it as the form's body, the form token added. The answers are counted by status: a
-- page must answer 200, not a redirect to the sign-in page, which wrk alone would count as a success.
dofile(os.getenv("BENCH_WRK") .. "/statuses.lua")

local lines = {}
local next_line = 0
local FORM = "benchFormTokenbenchFormTokenbenchFormToken1"

function init(args)
  for line in io.lines(args[1]) do
    local token, path, body = line:match("^(%S+) (%S+) ?(.*)$")
    lines[#lines + 1] = { token, path, body }
  end
end

function request()
  next_line = next_line % #lines + 1
  local line = lines[next_line]
  local cookie = "dms-form=" .. FORM
  if line[1] ~= "-" then cookie = cookie .. "; dms-session=" .. line[1] end
  if line[3] ~= "" then
    return wrk.format("POST", line[2], { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
      line[3] .. "&csrf=" .. FORM)
  end
  return wrk.format("GET", line[2], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  count_status(status)
end
