-- wrk script: nearest-team searches from incident locations all over China, every category, some with a
-- minimum grade. Deterministic per thread.
local categories = {"MINING", "HAZARDOUS_CHEMICALS", "OIL_GAS", "TUNNEL_CONSTRUCTION", "OTHER"}
local grades = {"", "", "", "&minGrade=GRADE_2", "&minGrade=GRADE_1"}
local path = os.getenv("NEAREST_PATH") or "/api/v1/nearest-teams"
local token = os.getenv("TOKEN")
local counter = 0

function init(args)
  math.randomseed(42 + counter)
end

request = function()
  counter = counter + 1
  local lat = 21 + math.random() * 27      -- 21°N (Hainan) … 48°N (Heilongjiang)
  local lon = 80 + math.random() * 45      -- 80°E (Xinjiang) … 125°E (the north-east coast)
  local q = string.format("%s?lat=%.4f&lon=%.4f&category=%s&limit=10%s", path, lat, lon,
      categories[1 + counter % 5], grades[1 + math.floor(counter / 5) % 5])
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", q, headers)
end
