# Oracle for `effekt estimate --plan analyses/relationel-velfaerd.json` on the samples (test/cli/estimate-plan.test.ts):
# the plan's populations, windows and aggregation done independently in R, then estimatr's difference_in_means,
# lm_lin (CR2, clustered by household, blocks = wave x stratum; a missing covariate mean-imputed with an
# indicator) and the CACE as the ratio of estimatr's blocked, clustered differences in means on the outcome and on
# take-up, its standard error by the delta method from clubSandwich's joint CR2 covariance per block (as
# test/oracle/cace.R), first stage recorded. Run from the repo root after
# drawing the demo register (the test checks the register's SHA-256 is the one recorded here):
#   bash samples/demo.sh   # or the two draws of samples/demo.sh into out/demo/allocations.csv
#   Rscript test/oracle/estimate_plan.R out/demo/allocations.csv
# Writes test/oracle/fixtures/estimate_plan.json (full precision). CI has no R; the test reads the fixture.
suppressPackageStartupMessages({ library(estimatr); library(clubSandwich) })
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
    d <- q[counted & !is.na(q$y), ]
    d$x <- as.numeric(d[[s$cov]])
    d$x_missing <- as.numeric(is.na(d$x))
    d$x[is.na(d$x)] <- mean(d$x, na.rm = TRUE)
    d$block <- factor(d$block)
    dim_fit <- difference_in_means(y ~ z, data = d, blocks = block, clusters = household_id)
    lin_fit <- if (any(d$x_missing == 1)) lm_lin(y ~ z, covariates = ~ block + x + x_missing, data = d, clusters = household_id, se_type = "CR2")
               else lm_lin(y ~ z, covariates = ~ block + x, data = d, clusters = household_id, se_type = "CR2")
    fs_fit <- difference_in_means(took_up ~ z, data = d, blocks = block, clusters = household_id)
    tau <- unname(dim_fit$coefficients / fs_fit$coefficients)
    V <- matrix(0, 2, 2)
    for (b in levels(d$block)) {
      db <- d[d$block == b, ]
      vc <- as.matrix(vcovCR(lm(cbind(y, took_up) ~ z, data = db), cluster = db$household_id, type = "CR2"))
      iz <- grep(":z$", rownames(vc))
      V <- V + (nrow(db) / nrow(d))^2 * vc[iz, iz]
    }
    se <- sqrt(V[1, 1] - 2 * tau * V[1, 2] + tau^2 * V[2, 2]) / abs(fs_fit$coefficients)
    df <- dim_fit$df
    cace <- data.frame(estimate = tau, std.error = se, df = df, p.value = 2 * pt(abs(tau / se), df, lower.tail = FALSE),
                       conf.low = tau - qt(0.975, df) * se, conf.high = tau + qt(0.975, df) * se)
    for (f in list(list("difference_in_means", tidy(dim_fit)[1, ]), list("lm_lin", tidy(lin_fit)[tidy(lin_fit)$term == "z", ]), list("cace_ratio", cace))) {
      t <- f[[2]]
      rows <- c(rows, sprintf('    { "outcome": "%s", "horizon": %d, "estimator": "%s", "n": %d, "estimate": %s, "std_error": %s, "df": %s, "p_value": %s, "ci_low": %s, "ci_high": %s, "first_stage": %s }',
        s$name, h, f[[1]], nrow(d), num(t$estimate), num(t$std.error), num(t$df), num(t$p.value), num(t$conf.low), num(t$conf.high),
        if (f[[1]] == "cace_ratio") num(unname(fs_fit$coefficients)) else "null"))
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
