# Oracle for src/estimate: seeded datasets and estimatr/R results, written with full precision
# (sprintf("%.17g")) to test/oracle/fixtures/*.json. Run from the repo root:
#   Rscript test/oracle/estimatr.R
# CI has no R; the tests only read the committed fixtures.
suppressPackageStartupMessages({ library(estimatr) })
out_dir <- "test/oracle/fixtures"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

num <- function(x) {
  if (length(x) == 1 && is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "1e308" else "-1e308")
  sprintf("%.17g", x)
}
to_json <- function(x, indent = "") {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    inner <- paste0(indent, "  ")
    if (is.null(nm)) {
      parts <- vapply(x, to_json, "", indent = inner)
      return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    parts <- vapply(seq_along(x), function(i) paste0('"', nm[i], '": ', to_json(x[[i]], inner)), "")
    return(paste0("{\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (is.character(x)) return(paste0("[", paste0('"', x, '"', collapse = ", "), "]"))
  if (is.logical(x)) x <- as.numeric(x)
  paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
}
write_fixture <- function(name, obj) {
  writeLines(to_json(obj), file.path(out_dir, paste0(name, ".json")))
}
# one estimatr fit -> named vectors over terms
res <- function(fit) {
  list(term = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(fit$std.error),
       df = unname(fit$df), statistic = unname(fit$statistic), p_value = unname(fit$p.value),
       ci_low = unname(fit$conf.low), ci_high = unname(fit$conf.high))
}
dataset <- function(d) lapply(as.list(d), function(v) as.numeric(v))

## 1. one block, individual assignment, two covariates
set.seed(20231)
n <- 60
d1 <- data.frame(x1 = rnorm(n), x2 = rbinom(n, 1, 0.4))
d1$z <- as.numeric(sample(rep(c(0, 1), c(32, 28))))
d1$y <- 1 + 0.5 * d1$z + 0.8 * d1$x1 - 0.3 * d1$x2 + rnorm(n) * (1 + d1$z)
d1$w <- runif(n, 0.5, 2)
write_fixture("one_block", list(
  data = dataset(d1),
  dim = res(difference_in_means(y ~ z, data = d1)),
  hc0 = res(lm_robust(y ~ z + x1 + x2, data = d1, se_type = "HC0")),
  hc1 = res(lm_robust(y ~ z + x1 + x2, data = d1, se_type = "HC1")),
  hc2 = res(lm_robust(y ~ z + x1 + x2, data = d1, se_type = "HC2")),
  hc3 = res(lm_robust(y ~ z + x1 + x2, data = d1, se_type = "HC3")),
  hc2_weighted = res(lm_robust(y ~ z + x1 + x2, data = d1, weights = w, se_type = "HC2")),
  lin_hc2 = res(lm_lin(y ~ z, covariates = ~ x1 + x2, data = d1, se_type = "HC2"))
))

## 2. unequal blocks with different treatment probabilities
set.seed(20232)
sizes <- c(20, 35, 50); probs <- c(0.3, 0.5, 0.7)
d2 <- do.call(rbind, lapply(1:3, function(b) {
  nb <- sizes[b]
  data.frame(block = b, z = as.numeric(sample(rep(c(1, 0), c(round(nb * probs[b]), nb - round(nb * probs[b]))))))
}))
d2$x1 <- rnorm(nrow(d2))
d2$y <- d2$block * 0.7 + (0.2 + 0.3 * d2$block) * d2$z + 0.5 * d2$x1 + rnorm(nrow(d2))
write_fixture("blocks_unequal", list(
  data = dataset(d2),
  dim_blocked = res(difference_in_means(y ~ z, blocks = block, data = d2)),
  lin_blocks_hc2 = res(lm_lin(y ~ z, covariates = ~ factor(block), data = d2, se_type = "HC2")),
  lin_blocks_x_hc2 = res(lm_lin(y ~ z, covariates = ~ factor(block) + x1, data = d2, se_type = "HC2"))
))

## 3. households (clusters) of unequal size, assignment by household within two areas (blocks)
set.seed(20233)
J <- 90
hh_size <- sample(1:7, J, replace = TRUE)
hh_block <- rep(1:2, length.out = J)
hh_z <- numeric(J)
for (b in 1:2) { idx <- which(hh_block == b); hh_z[idx] <- sample(rep(c(1, 0), c(floor(length(idx) * (0.35 + 0.2 * b)), length(idx) - floor(length(idx) * (0.35 + 0.2 * b))))) }
hh_u <- rnorm(J, sd = 0.7)
d3 <- data.frame(cluster = rep(1:J, hh_size), block = rep(hh_block, hh_size), z = rep(hh_z, hh_size))
d3$x1 <- rnorm(nrow(d3)) + rep(hh_u, hh_size) * 0.5
d3$y <- 0.4 * d3$z + 0.6 * d3$x1 + rep(hh_u, hh_size) + rnorm(nrow(d3)) + 0.3 * d3$block
write_fixture("clusters_unequal", list(
  data = dataset(d3),
  dim_clustered = res(difference_in_means(y ~ z, clusters = cluster, data = d3)),
  dim_block_clustered = res(difference_in_means(y ~ z, blocks = block, clusters = cluster, data = d3)),
  cr2 = res(lm_robust(y ~ z + x1, clusters = cluster, data = d3, se_type = "CR2")),
  cr0 = res(lm_robust(y ~ z + x1, clusters = cluster, data = d3, se_type = "CR0")),
  cr1_stata = res(lm_robust(y ~ z + x1, clusters = cluster, data = d3, se_type = "stata")),
  cr2_weighted = res(lm_robust(y ~ z + x1, clusters = cluster, weights = x1^2 + 0.5, data = d3, se_type = "CR2")),
  lin_cr2 = res(lm_lin(y ~ z, covariates = ~ factor(block) + x1, clusters = cluster, data = d3, se_type = "CR2"))
))

## 4. singleton clusters: CR2 equals HC2 (SE), BM df differ from N - K
set.seed(20234)
n <- 40
d4 <- data.frame(cluster = 1:n, z = as.numeric(sample(rep(c(0, 1), c(22, 18)))), x1 = rnorm(n))
d4$y <- 2 + d4$z + d4$x1 + rnorm(n) * (1 + 0.5 * d4$z)
write_fixture("singletons", list(
  data = dataset(d4),
  cr2 = res(lm_robust(y ~ z + x1, clusters = cluster, data = d4, se_type = "CR2")),
  hc2 = res(lm_robust(y ~ z + x1, data = d4, se_type = "HC2")),
  dim_clustered = res(difference_in_means(y ~ z, clusters = cluster, data = d4))
))

## 5. non-compliance: household lottery z, take-up d (one-sided), IV
set.seed(20235)
J <- 120
hh_size <- sample(1:5, J, replace = TRUE)
hh_z <- as.numeric(sample(rep(c(0, 1), c(60, 60))))
hh_complier <- rbinom(J, 1, 0.65)
hh_u <- rnorm(J, sd = 0.5)
d5 <- data.frame(cluster = rep(1:J, hh_size), z = rep(hh_z, hh_size))
d5$d <- d5$z * rep(hh_complier, hh_size)
d5$x1 <- rnorm(nrow(d5))
d5$y <- 1 + 0.8 * d5$d + 0.4 * d5$x1 + rep(hh_u, hh_size) + 0.3 * rep(hh_complier, hh_size) + rnorm(nrow(d5))
write_fixture("noncompliance", list(
  data = dataset(d5),
  iv_cr2 = res(iv_robust(y ~ d | z, clusters = cluster, data = d5, se_type = "CR2")),
  iv_x_cr2 = res(iv_robust(y ~ d + x1 | z + x1, clusters = cluster, data = d5, se_type = "CR2")),
  iv_hc2 = res(iv_robust(y ~ d + x1 | z + x1, data = d5, se_type = "HC2")),
  itt_cr2 = res(lm_robust(y ~ z, clusters = cluster, data = d5, se_type = "CR2")),
  first_stage_f_cr2 = unname(iv_robust(y ~ d + x1 | z + x1, clusters = cluster, data = d5, se_type = "CR2",
                                       diagnostics = TRUE)$diagnostic_first_stage_fstatistic),
  first_stage_f_hc2 = unname(iv_robust(y ~ d + x1 | z + x1, data = d5, se_type = "HC2",
                                       diagnostics = TRUE)$diagnostic_first_stage_fstatistic),
  first_stage_cr2 = res(lm_robust(d ~ z + x1, clusters = cluster, data = d5, se_type = "CR2"))
))

## 6. Student t distribution and p.adjust
q <- c(-40, -8.5, -3.2, -2, -1, -0.3, 0, 0.4, 1.5, 2.7, 6, 25)
dfs <- c(0.7, 1, 2.5, 3, 7.3, 12, 29.7, 58, 200, 1234.5, 1e5, 3.9e5, 5e5, 1e10)
grid <- expand.grid(q = q, df = dfs)
grid$p <- pt(grid$q, grid$df)
grid$p_upper <- pt(grid$q, grid$df, lower.tail = FALSE)
pr <- c(0.0005, 0.01, 0.025, 0.1, 0.5, 0.8, 0.975, 0.995)
qgrid <- expand.grid(p = pr, df = dfs)
qgrid$q <- qt(qgrid$p, qgrid$df)
pv <- c(0.001, 0.04, 0.03, 0.2, 0.012, 0.5, 0.04, 0.9, 0.0001, 0.049)
fgrid <- expand.grid(f = c(0.5, 1, 3, 10, 80), df1 = c(1, 2, 5), df2 = c(10, 119, 1000))
fgrid$p_upper <- pf(fgrid$f, fgrid$df1, fgrid$df2, lower.tail = FALSE)
write_fixture("distributions", list(
  pt = dataset(grid), qt = dataset(qgrid), pf = dataset(fgrid),
  padjust = list(p = pv, holm = p.adjust(pv, "holm"), BH = p.adjust(pv, "BH")),
  pnorm = list(q = q, p = pnorm(q)), qnorm = list(p = pr, q = qnorm(pr))
))
cat("fixtures written\n")

## 7. cluster-randomised MDE and power (the documented formula evaluated in R, for src/estimate/power.ts)
pw <- function(J, m, rho, P, r2, cv, alpha, pwr, effect) {
  mEff <- (cv^2 + 1) * m
  se <- sqrt(((rho * (1 - r2) * mEff + (1 - rho) * (1 - r2)) / m) / (P * (1 - P) * J))
  df <- J - 2
  crit <- qt(1 - alpha / 2, df)
  c(se = se, deff = 1 + (mEff - 1) * rho, mde = (crit + qt(pwr, df)) * se,
    power = 1 - pt(crit - effect / se, df) + pt(-crit - effect / se, df))
}
cases <- list(c(200, 2.5, 0.1, 0.5, 0, 0, 0.05, 0.8, 0.3), c(460, 3.2, 0.25, 0.4, 0.3, 0.6, 0.05, 0.9, 0.2),
              c(40, 1.8, 0.05, 0.6, 0.5, 0.2, 0.1, 0.8, 0.5))
write_fixture("power", lapply(cases, function(a) {
  v <- pw(a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9])
  list(households = a[1], m = a[2], icc = a[3], share = a[4], r2 = a[5], cv = a[6], alpha = a[7], target_power = a[8],
       effect = a[9], se = v[["se"]], deff = v[["deff"]], mde = v[["mde"]], power = v[["power"]])
}))

## 8. weights, matched pairs of households, and mixed pair / larger blocks
set.seed(20238)
d8 <- d3
d8$w <- runif(nrow(d8), 0.5, 3)
d2w <- d2
d2w$w <- runif(nrow(d2w), 0.5, 3)
# pairs of households: household-level pairs, one treated per pair
J <- 30
hh_size <- sample(1:5, J, replace = TRUE)
hh_pair <- rep(1:(J / 2), each = 2)
hh_z <- as.vector(sapply(1:(J / 2), function(p) sample(c(0, 1))))
d9 <- data.frame(cluster = rep(1:J, hh_size), block = rep(hh_pair, hh_size), z = rep(hh_z, hh_size))
d9$y <- 0.5 * d9$z + rnorm(nrow(d9)) + rep(rnorm(J), hh_size)
# individual blocks: two of size 2, two of size 6
d10 <- data.frame(block = rep(1:4, c(2, 2, 6, 6)))
d10$z <- c(0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0)
d10$y <- d10$z + rnorm(nrow(d10))
suppressWarnings(mixed <- difference_in_means(y ~ z, blocks = block, data = d10))
write_fixture("weights_pairs", list(
  clustered = dataset(d8), blocked = dataset(d2w), pairs = dataset(d9), mixed = dataset(d10),
  dim_w = res(difference_in_means(y ~ z, weights = w, data = d2w)),
  dim_w_blocked = res(difference_in_means(y ~ z, blocks = block, weights = w, data = d2w)),
  dim_w_clustered = res(difference_in_means(y ~ z, clusters = cluster, weights = w, data = d8)),
  dim_w_block_clustered = res(difference_in_means(y ~ z, blocks = block, clusters = cluster, weights = w, data = d8)),
  lin_w_cr2 = res(lm_lin(y ~ z, covariates = ~ factor(block) + x1, clusters = cluster, weights = w, data = d8)),
  lin_w_hc2 = res(lm_lin(y ~ z, covariates = ~ factor(block) + x1, weights = w, data = d2w)),
  dim_pairs_clustered = res(difference_in_means(y ~ z, blocks = block, clusters = cluster, data = d9)),
  dim_mixed = res(mixed),
  # pairs as fixed effects: every pair holds one treated and one control household, so (I - H_gg) is singular
  # for every cluster and CR2 relies on the pseudo-inverse square root
  lin_pairs_cr2 = res(lm_lin(y ~ z, covariates = ~ factor(block), clusters = cluster, data = d9)),
  # a block whose outcome is constant contributes variance 0
  dim_const_block_clustered = res(difference_in_means(y ~ z, blocks = block, clusters = cluster,
                                                      data = transform(d3, y = ifelse(block == 1, 1, y)))),
  dim_const_block = res(difference_in_means(y ~ z, blocks = block, data = transform(d2, y = ifelse(block == 1, 1, y)))),
  fe_pairs_cr2 = res(lm_robust(y ~ z + factor(block), clusters = cluster, data = d9, se_type = "CR2"))
))
