# Oracle for src/estimate/balance_test.ts: a joint balance test by randomisation inference, as ri2's documented
# omnibus test: the F statistic of lm(z ~ factor(block) + X) against lm(z ~ factor(block)), under the observed
# assignment and under re-draws that keep the number treated per block (complete randomisation within blocks,
# drawn here with R's sample and written to the fixture). Missing covariate values mean-imputed with an
# indicator. Also the explained sum of squares RSS0 - RSS1 per re-draw (effekt's statistic T). p = mean(F_s >=
# F_obs). And for src/draw/balance.ts: the block-weighted pooled difference of a covariate equals estimatr's
# difference_in_means(x ~ z, blocks = block) over the units with a value. Written with full precision to test/oracle/fixtures/balance_test.json. Run from the repo root:
#   Rscript test/oracle/balance_test.R
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

set.seed(20267)
n <- 180
d <- data.frame(block = rep(1:3, c(90, 50, 40)))
d$z <- unlist(lapply(split(seq_len(n), d$block), function(i) sample(rep(c(1, 0), c(round(length(i) * c(0.25, 0.65, 0.5)[d$block[i[1]]]), length(i) - round(length(i) * c(0.25, 0.65, 0.5)[d$block[i[1]]]))))))
d$x1 <- rnorm(n) + 0.25 * d$z          # a little imbalance
d$x2 <- rbinom(n, 1, 0.3)
d$cat <- sample(0:2, n, replace = TRUE) # categorical: dummies for all three levels (one is redundant)
d$x1[sample(n, 15)] <- NA
S <- 400
perm <- sapply(seq_len(S), function(s) {
  z <- numeric(n)
  for (b in 1:3) { i <- which(d$block == b); z[i] <- sample(d$z[i]) }
  z
})
imp <- d
imp$x1_missing <- as.numeric(is.na(d$x1)); imp$x1[is.na(d$x1)] <- mean(d$x1, na.rm = TRUE)
for (l in 0:2) imp[[paste0("cat", l)]] <- as.numeric(d$cat == l)
stat <- function(z) {
  imp$zz <- z
  m0 <- lm(zz ~ factor(block), data = imp)
  m1 <- lm(zz ~ factor(block) + x1 + x1_missing + x2 + cat0 + cat1 + cat2, data = imp)
  a <- anova(m0, m1)
  c(F = a$F[2], T = sum(resid(m0)^2) - sum(resid(m1)^2), df = a$Df[2])
}
obs <- stat(d$z)
sims <- apply(perm, 2, stat)
out <- dataset(d[, c("block", "z", "x1", "x2", "cat")])
out$x1[is.na(d$x1)] <- NA
write_fixture("balance_test", list(
  data = out, permutations = lapply(seq_len(S), function(s) perm[, s]),
  F = unname(obs["F"]), T = unname(obs["T"]), df = unname(obs["df"]),
  T_sims = unname(sims["T", ]), p_value = mean(sims["F", ] >= obs["F"] * (1 - 1e-9)),
  pooled_x1 = unname(estimatr::difference_in_means(x1 ~ z, blocks = block, data = d[!is.na(d$x1), ])$coefficients),
  pooled_x2 = unname(estimatr::difference_in_means(x2 ~ z, blocks = block, data = d)$coefficients)
))
cat("balance_test fixture written\n")
