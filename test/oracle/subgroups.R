# Oracle for src/estimate/subgroups.ts: subgroup effects (estimatr) and the treatment x subgroup interaction test
# (clubSandwich CR2: coef_test Satterthwaite for two levels, Wald_test HTZ and Naive-F for more), written with
# full precision to test/oracle/fixtures/subgroups.json. Run from the repo root:
#   Rscript test/oracle/subgroups.R
suppressPackageStartupMessages({ library(estimatr); library(clubSandwich) })
source_lines <- readLines("test/oracle/estimatr.R")
# reuse the JSON writer of estimatr.R (everything up to its first dataset)
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

# a household-randomised design: 3 blocks, 1-4 persons per household, a person covariate x and two
# subgroup variables: g2 (2 levels, by person) and g3 (3 levels, by household)
make_data <- function(seed, J = 150) {
  set.seed(seed)
  hh <- data.frame(hh = 1:J, block = sample(1:3, J, replace = TRUE, prob = c(0.5, 0.3, 0.2)))
  hh$z <- 0
  for (b in 1:3) {
    idx <- which(hh$block == b)
    hh$z[sample(idx, round(length(idx) * c(0.4, 0.5, 0.3)[b]))] <- 1
  }
  hh$g3 <- sample(0:2, J, replace = TRUE)
  hh$u <- rnorm(J, sd = 0.6)
  size <- sample(1:4, J, replace = TRUE)
  d <- hh[rep(1:J, size), ]
  n <- nrow(d)
  d$x <- rnorm(n)
  d$g2 <- rbinom(n, 1, 0.45)
  d$y <- 1 + d$u + 0.4 * d$x + d$z * (0.3 + 0.5 * d$g2 + 0.3 * (d$g3 == 2)) + rnorm(n) * (1 + 0.5 * d$z)
  rownames(d) <- NULL
  d[, c("hh", "block", "z", "g2", "g3", "x", "y")]
}

# effekt's small-block rule: a block with a single treated or control household takes the
# matched-pairs variance over blocks (estimatr's rule for blocks of two, extended), recomputed here from block
# means: se = sqrt(B / ((B - 1) N^2) sum_b (N_b d_b - N d / B)^2), df = B - 1; otherwise estimatr
dim_rule <- function(s) {
  lone <- sapply(split(s, s$block), function(x) min(length(unique(x$hh[x$z == 1])), length(unique(x$hh[x$z == 0]))) == 1)
  if (!any(lone)) return(res(difference_in_means(y ~ z, blocks = block, clusters = hh, data = s)))
  bl <- sort(unique(s$block))
  Nb <- sapply(bl, function(b) sum(s$block == b))
  db <- sapply(bl, function(b) { x <- s[s$block == b, ]; mean(x$y[x$z == 1]) - mean(x$y[x$z == 0]) })
  N <- sum(Nb); B <- length(bl)
  est <- sum(Nb / N * db)
  se <- sqrt(B / ((B - 1) * N^2) * sum((Nb * db - N * est / B)^2))
  crit <- qt(0.975, B - 1)
  list(term = "z", estimate = est, std_error = se, df = B - 1, statistic = est / se,
       p_value = 2 * pt(abs(est / se), B - 1, lower.tail = FALSE), ci_low = est - crit * se, ci_high = est + crit * se)
}

per_level <- function(d, g) {
  lapply(sort(unique(d[[g]])), function(l) {
    s <- d[d[[g]] == l, ]
    s$fb <- factor(s$block)
    list(level = l,
         dim = dim_rule(s),
         lin = res(lm_lin(y ~ z, covariates = ~ fb + x, clusters = hh, se_type = "CR2", data = s)))
  })
}

# pooled y ~ z * group + factor(block) + centred x, CR2 by household
interaction <- function(d, g, covariate = TRUE) {
  d$grp <- factor(d[[g]])
  d$xc <- d$x - mean(d$x)
  f <- if (covariate) y ~ z * grp + factor(block) + xc else y ~ z * grp + factor(block)
  fit <- lm(f, data = d)
  terms <- grep("^z:grp", names(coef(fit)), value = TRUE)
  V <- vcovCR(fit, cluster = d$hh, type = "CR2")
  ct <- coef_test(fit, vcov = V, test = "Satterthwaite", coefs = terms)
  wt <- Wald_test(fit, constraints = constrain_zero(terms), vcov = V, test = c("HTZ", "Naive-F"))
  list(terms = terms,
       coef_estimate = unname(coef(fit)[terms]), coef_se = ct$SE, coef_t = ct$tstat, coef_df = ct$df_Satt,
       coef_p = ct$p_Satt,
       htz_F = wt$Fstat[wt$test == "HTZ"], htz_df1 = wt$df_num[wt$test == "HTZ"], htz_df2 = wt$df_denom[wt$test == "HTZ"],
       htz_p = wt$p_val[wt$test == "HTZ"],
       naive_F = wt$Fstat[wt$test == "Naive-F"], naive_df2 = wt$df_denom[wt$test == "Naive-F"], naive_p = wt$p_val[wt$test == "Naive-F"])
}

cases <- list()
d <- make_data(3101)
cases$two_levels <- list(data = dataset(d), group = "g2", levels = per_level(d, "g2"), interaction = interaction(d, "g2"))
cases$three_levels <- list(data = dataset(d), group = "g3", levels = per_level(d, "g3"), interaction = interaction(d, "g3"))
d2 <- make_data(3102, J = 90)
cases$three_levels_no_covariate <- list(data = dataset(d2), group = "g3", levels = per_level(d2, "g3"), interaction = interaction(d2, "g3", covariate = FALSE))
# the subgroup is the block itself: block dummies are aliased with the group dummies (R drops them)
d3 <- make_data(3103, J = 120)
d3$gb <- d3$block
cases$group_is_block <- list(data = dataset(d3), group = "gb", interaction = interaction(d3, "gb"))
write_fixture("subgroups", cases)
