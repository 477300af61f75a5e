-- wrk script: nearest-team searches from incident locations all over China, every category, some with a
-- minimum grade, half of them with a specialty (one, or two that must all match) or a natural disaster.
-- Deterministic per thread.
local categories = {"MINING", "HAZARDOUS_CHEMICALS", "OIL_GAS", "TUNNEL_CONSTRUCTION", "OTHER"}
local grades = {"", "", "", "&minGrade=GRADE_2", "&minGrade=GRADE_1"}
-- a specialty of the category, two with specialtyMatch=all, or a natural disaster (every category), or none
local specialties = {
  MINING = {"&specialty=MINE_FLOODING", "&specialty=MINE_FIRE&specialty=ROOF_FALL&specialtyMatch=all"},
  HAZARDOUS_CHEMICALS = {"&specialty=FIRE_EXPLOSION", "&specialty=HAZARDOUS_CHEMICAL_LEAK&specialty=HIGH_ANGLE_RESCUE&specialtyMatch=all"},
  OIL_GAS = {"&specialty=PIPELINE_LEAK", "&specialty=WELL_CONTROL&specialty=FIRE_EXPLOSION&specialtyMatch=all"},
  TUNNEL_CONSTRUCTION = {"&specialty=BUILDING_COLLAPSE", "&incidentType=EARTHQUAKE"},
  OTHER = {"&incidentType=FLOOD", "&incidentType=LANDSLIDE"},
}
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
  local category = categories[1 + counter % 5]
  local filter = ""
  local pick = math.floor(counter / 25) % 4          -- half the searches filter by specialty or disaster
  if pick < 2 then filter = specialties[category][1 + pick] end
  local q = string.format("%s?lat=%.4f&lon=%.4f&category=%s&limit=10%s%s", path, lat, lon,
      category, grades[1 + math.floor(counter / 5) % 5], filter)
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", q, headers)
end
