-- 0005: prices follow ISO 4217's minor units. A price is stored as an integer count of the
-- currency's minor units (price_minor) beside its code, and until now the program gave every
-- currency 2 digits after the decimal point except JPY, KRW, VND, ISK, CLP, HUF and TWD (0).
-- From this version the digits are ISO 4217's (the table CURRENCY_MINOR_DIGITS in
-- src/model/values.rs), so the stored integers of exactly the currencies whose digit count
-- changed are rescaled here, and every price keeps its amount:
--
--   2 -> 3  BHD IQD JOD KWD LYD OMR TND     x 10     (12.50 KWD: 1250 -> 12500)
--   2 -> 4  CLF UYW                         x 100    (37.12 CLF: 3712 -> 371200)
--   0 -> 2  HUF TWD                         x 100    (1200 HUF: 1200 -> 120000)
--   2 -> 0  BIF DJF GNF KMF PYG RWF UGX     / 100    (5000.00 XOF: 500000 -> 5000)
--           UYI VUV XAF XOF XPF
--
-- JPY, KRW, VND, ISK, CLP (0) and every other currency (2) are unchanged. Currency codes are
-- stored upper-case, so the lists match them exactly.
--
-- Growing is exact. A product that would not fit in a 64-bit integer (SQLite would silently
-- turn it into a floating-point number, which the program cannot read as a price) is capped
-- at the largest amount that fits; no real price comes near it (hundreds of trillions).
--
-- Shrinking rounds half up (12.50 XOF -> 13 XOF, 12.49 XOF -> 12 XOF): these currencies have
-- no subdivision in use, so no price is really paid in fractions of them, and a fraction typed
-- in an old version moves the amount by at most half a unit. The rounding adds nothing to the
-- amount before dividing, so it cannot overflow either.

UPDATE entries
SET price_minor = min(price_minor, 9223372036854775807 / 10) * 10
WHERE price_minor IS NOT NULL
  AND currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND');

UPDATE entries
SET price_minor = min(price_minor, 9223372036854775807 / 100) * 100
WHERE price_minor IS NOT NULL
  AND currency IN ('CLF', 'UYW', 'HUF', 'TWD');

UPDATE entries
SET price_minor = price_minor / 100 + (price_minor % 100 >= 50)
WHERE price_minor IS NOT NULL
  AND currency IN ('BIF', 'DJF', 'GNF', 'KMF', 'PYG', 'RWF', 'UGX',
                   'UYI', 'VUV', 'XAF', 'XOF', 'XPF');
