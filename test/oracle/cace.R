# Oracle for src/estimate/cace.ts: the complier average causal effect as the ratio of two blocked, clustered
# differences in means (outcome over take-up), with a delta-method standard error from their joint covariance.
#   estimate: ratio of estimatr::difference_in_means(y ~ z, blocks, clusters) and the same on take-up d;
#   se:       recomputed here without estimatr: per block, clubSandwich's CR2 covariance of the z coefficients of
#             lm(cbind(y, d) ~ z) (the joint covariance of both outcomes), combined with weights (N_b / N)^2,
#             then Var = (V_yy - 2 tau V_yd + tau^2 V_dd) / ITT_d^2; df J - 2B (estimatr's blocked df);
#   close:    estimatr::iv_robust(y ~ d | z) with inverse-probability weights 1/p_b (treated), 1/(1 - p_b)
#             (control), p_b the block's share of treated households: the same size-weighted average when every
#             household has one person, close to it otherwise; and the 2SLS with block fixed effects (the old row).
# Written with full precision to test/oracle/fixtures/cace.json. Run from the repo root:
#   Rscript test/oracle/cace.R
suppressPackageStartupMessages({ library(estimatr); library(clubSandwich) })
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

# households in blocks with different chances of treatment (two waves, the second split in two strata),
# 1-4 persons each, one-sided non-compliance decided per household, larger complier effect in wave 2
make_data <- function(seed, sizes, probs, max_size) {
  set.seed(seed)
  hh <- do.call(rbind, lapply(seq_along(sizes), function(b) {
    nb <- sizes[b]
    data.frame(block = b, z = as.numeric(sample(rep(c(1, 0), c(round(nb * probs[b]), nb - round(nb * probs[b]))))))
  }))
  J <- nrow(hh)
  hh$hh <- 1:J
  hh$complier <- rbinom(J, 1, 0.6)
  hh$u <- rnorm(J, sd = 0.5)
  size <- sample(1:max_size, J, replace = TRUE)
  d <- hh[rep(1:J, size), ]
  n <- nrow(d)
  d$d <- d$z * d$complier
  d$y <- 1 + d$u + 0.4 * d$complier + d$d * ifelse(d$block == 1, 0.5, 1.5) + rnorm(n)
  rownames(d) <- NULL
  d[, c("hh", "block", "z", "d", "y")]
}

joint_se <- function(d, tau, f, clustered) {
  N <- nrow(d)
  V <- matrix(0, 2, 2)
  for (b in sort(unique(d$block))) {
    db <- d[d$block == b, ]
    fit <- lm(cbind(y, d) ~ z, data = db)
    cl <- if (clustered) db$hh else seq_len(nrow(db))
    vc <- as.matrix(vcovCR(fit, cluster = cl, type = "CR2"))
    iz <- grep(":z$", rownames(vc))
    V <- V + (nrow(db) / N)^2 * vc[iz, iz]
  }
  list(se = sqrt(V[1, 1] - 2 * tau * V[1, 2] + tau^2 * V[2, 2]) / abs(f), cov = V[1, 2], vyy = V[1, 1], vdd = V[2, 2])
}

one_case <- function(d, clustered) {
  cl <- if (clustered) d$hh else seq_len(nrow(d))
  d$cl <- cl
  dy <- difference_in_means(y ~ z, blocks = block, clusters = cl, data = d)
  dd <- difference_in_means(d ~ z, blocks = block, clusters = cl, data = d)
  tau <- unname(dy$coefficients / dd$coefficients)
  js <- joint_se(d, tau, dd$coefficients, clustered)
  # the per-block CR2 of clubSandwich reproduces estimatr's variance of each difference in means
  stopifnot(abs(sqrt(js$vyy) / dy$std.error - 1) < 1e-10, abs(sqrt(js$vdd) / dd$std.error - 1) < 1e-10)
  hhp <- aggregate(z ~ block, data = unique(d[, c("cl", "block", "z")]), FUN = mean)
  p <- hhp$z[match(d$block, hhp$block)]
  d$ipw <- ifelse(d$z == 1, 1 / p, 1 / (1 - p))
  iv_w <- iv_robust(y ~ d | z, weights = ipw, clusters = cl, data = d, se_type = "CR2")
  iv_fe <- iv_robust(y ~ d + factor(block) | z + factor(block), clusters = cl, data = d, se_type = "CR2")
  list(data = dataset(d[, c("hh", "block", "z", "d", "y")]),
       itt = unname(dy$coefficients), itt_se = unname(dy$std.error), df = unname(dy$df),
       first_stage = unname(dd$coefficients), first_stage_se = unname(dd$std.error),
       estimate = tau, std_error = js$se, covariance = js$cov,
       iv_ipw = unname(coef(iv_w)["d"]), iv_ipw_se = unname(iv_w$std.error["d"]),
       iv_block_fe = unname(coef(iv_fe)["d"]))
}

write_fixture("cace", list(
  clustered = one_case(make_data(20261, c(120, 60, 40), c(0.25, 0.65, 0.65), 4), TRUE),
  persons = one_case(make_data(20262, c(150, 50, 70), c(0.25, 0.65, 0.5), 1), FALSE)
))
cat("cace fixture written\n")
