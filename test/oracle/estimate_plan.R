# Oracle for `effekt estimate --plan analyses/relationel-velfaerd.json` on the samples (test/cli/estimate-plan.test.ts):
# the plan's populations, windows and aggregation done independently in R, then estimatr's difference_in_means,
# lm_lin and iv_robust (CR2, clustered by household, blocks = wave x stratum). Run from the repo root after
# drawing the demo register (the test checks the register's SHA-256 is the one recorded here):
#   bash samples/demo.sh   # or the two draws of samples/demo.sh into out/demo/allocations.csv
#   Rscript test/oracle/estimate_plan.R out/demo/allocations.csv
# Writes test/oracle/fixtures/estimate_plan.json (full precision). CI has no R; the test reads the fixture.
suppressPackageStartupMessages({ library(estimatr) })
args <- commandArgs(trailingOnly = TRUE)
reg_path <- if (length(args) > 0) args[1] else "out/demo/allocations.csv"
reg <- read.csv(reg_path, colClasses = "character")
persons <- read.csv("samples/persons.csv", colClasses = "character", na.strings = c("", "NA"))
out <- read.csv("samples/outcomes.csv", colClasses = "character", na.strings = c("", "NA"))
takeup <- read.csv("samples/takeup.csv", colClasses = "character")

add_years <- function(d, k) {
  lt <- as.POSIXlt(d)
  y <- lt$year + 1900 + k; m <- lt$mon + 1; dd <- lt$mday
  dim <- as.integer(format(as.Date(sprintf("%d-%02d-01", y + (m == 12), m %% 12 + 1)) - 1, "%d"))
  as.Date(sprintf("%d-%02d-%02d", y, m, pmin(dd, dim)))
}

p <- merge(persons, reg[, c("household_id", "wave", "stratum", "arm", "draw_date")], by = "household_id")
p$draw <- as.Date(p$draw_date)
p$age <- as.integer(format(p$draw, "%Y")) - as.integer(p$birth_year)
p$z <- as.integer(p$arm == "treatment")
p$block <- paste(p$wave, p$stratum)
p$took_up <- as.integer(tolower(takeup$took_up[match(p$household_id, takeup$household_id)]) %in% c("true", "1"))
out$date <- as.Date(out$date)
out$value <- as.numeric(out$value)

spec <- list(
  list(name = "employment", pop = function(q) q$role == "adult" & q$age >= 16 & q$age <= 64, horizons = c(1, 3), cov = "employed_baseline"),
  list(name = "school_absence", pop = function(q) q$role == "child", horizons = c(3), cov = "school_absence_baseline"),
  list(name = "wellbeing", pop = function(q) q$role == "adult" & q$age >= 16, horizons = c(1), cov = "employed_baseline")
)

num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
rows <- c()
for (s in spec) {
  o <- out[out$outcome == s$name, ]
  last <- max(o$date)
  q <- p[s$pop(p), ]
  for (h in s$horizons) {
    lo <- add_years(q$draw, h - 1); hi <- add_years(q$draw, h)
    m <- merge(q, o, by = "person_id")
    m <- m[m$date > add_years(m$draw, h - 1) & m$date <= add_years(m$draw, h) & !is.na(m$value), ]
    v <- tapply(m$value, m$person_id, mean)
    q$y <- as.numeric(v[q$person_id])
    # counted: window ended by the last date of the outcome, or a value already in it
    counted <- hi <= last | !is.na(q$y)
    d <- q[counted & !is.na(q$y) & !is.na(as.numeric(q[[s$cov]])), ]
    d$x <- as.numeric(d[[s$cov]])
    d$block <- factor(d$block)
    dim_fit <- difference_in_means(y ~ z, data = d, blocks = block, clusters = household_id)
    lin_fit <- lm_lin(y ~ z, covariates = ~ block + x, data = d, clusters = household_id, se_type = "CR2")
    iv_fit <- iv_robust(y ~ took_up + block | z + block, data = d, clusters = household_id, se_type = "CR2")
    for (f in list(list("difference_in_means", tidy(dim_fit)[1, ]), list("lm_lin", tidy(lin_fit)[tidy(lin_fit)$term == "z", ]), list("iv_robust", tidy(iv_fit)[tidy(iv_fit)$term == "took_up", ]))) {
      t <- f[[2]]
      rows <- c(rows, sprintf('    { "outcome": "%s", "horizon": %d, "estimator": "%s", "n": %d, "estimate": %s, "std_error": %s, "df": %s, "p_value": %s, "ci_low": %s, "ci_high": %s }',
        s$name, h, f[[1]], nrow(d), num(t$estimate), num(t$std.error), num(t$df), num(t$p.value), num(t$conf.low), num(t$conf.high)))
    }
  }
}
# the assignment the numbers rest on (not the register's bytes, whose seal column depends on the manifest format):
# SHA-256 of the lines "household_id,wave,stratum,arm,draw_date" sorted in C locale, each ending in a newline
lines <- sort(paste(reg$household_id, reg$wave, reg$stratum, reg$arm, reg$draw_date, sep = ","), method = "radix")
tmp <- tempfile(); con <- file(tmp, "wb"); writeBin(charToRaw(paste0(paste(lines, collapse = "\n"), "\n")), con); close(con)
assignment_sha <- strsplit(system2("sha256sum", tmp, stdout = TRUE), " ")[[1]][1]
writeLines(c("{", sprintf('  "assignment_sha256": "%s",', assignment_sha), '  "rows": [', paste(rows, collapse = ",\n"), "  ]", "}"), "test/oracle/fixtures/estimate_plan.json")
cat("wrote test/oracle/fixtures/estimate_plan.json\n")
