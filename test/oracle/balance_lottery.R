# Oracle for src/estimate/balance_lottery.ts: the joint test of balance on the actual lottery, as ri2's omnibus
# test (conduct_ri with the F statistic of lm(z ~ factor(block) + X) against lm(z ~ factor(block))) over a declared
# permutation matrix. Inputs (written by test/estimate/balance_lottery.test.ts with BALANCE_ORACLE_EXPORT=1):
#   ri_households.csv                  the sample lottery's register (renumbered): household, wave, stratum, z
#   balance_lottery_covariates.csv     household, x1 (numeric, NA missing), x2 (0/1), cat (a, b, c; NA missing)
#   balance_lottery_permutations.csv   household x S: effekt's lottery re-draws under the seed "effekt-joint-balance"
# One test per wave (blocks: the wave's strata) and one pooled (blocks: wave x stratum). Within each test a missing
# value is replaced by the test's mean of the covariate and a missing indicator is added (Lin); cat enters as one
# indicator per level (one is redundant). Output: the explained sum of squares T = RSS0 - RSS1 (effekt's statistic),
# F, its numerator df (the rank of the covariates beyond the blocks), T per re-draw and p = mean(F_s >= F_obs (1 - 1e-9)),
# written with full precision to test/oracle/fixtures/balance_lottery.json. Run from the repo root:
#   Rscript test/oracle/balance_lottery.R
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))
dir <- "test/oracle/fixtures"
hh <- read.csv(file.path(dir, "ri_households.csv"), stringsAsFactors = FALSE, encoding = "UTF-8")
cv <- read.csv(file.path(dir, "balance_lottery_covariates.csv"), stringsAsFactors = FALSE, na.strings = "NA")
perm <- as.matrix(read.csv(file.path(dir, "balance_lottery_permutations.csv"), stringsAsFactors = FALSE, row.names = 1))
stopifnot(identical(hh$household, cv$household), identical(rownames(perm), hh$household))
d <- merge(hh, cv, by = "household", sort = FALSE)
d <- d[match(hh$household, d$household), ]
S <- ncol(perm)

one_test <- function(rows, label) {
  x <- d[rows, ]
  x$blk <- factor(paste(x$wave, x$stratum))
  X <- data.frame(x1 = x$x1, x2 = x$x2)
  for (l in c("a", "b", "c")) X[[paste0("cat_", l)]] <- ifelse(is.na(x$cat), NA, as.numeric(x$cat == l))
  for (v in names(X)) if (anyNA(X[[v]])) {
    X[[paste0(v, "_missing")]] <- as.numeric(is.na(X[[v]]))
    X[[v]][is.na(X[[v]])] <- mean(X[[v]], na.rm = TRUE)
  }
  Xm <- as.matrix(X)
  stat <- function(z) {
    m0 <- lm(z ~ x$blk)
    m1 <- lm(z ~ x$blk + Xm)
    a <- anova(m0, m1)
    c(F = a$F[2], T = sum(resid(m0)^2) - sum(resid(m1)^2), df = a$Df[2])
  }
  obs <- stat(x$z)
  sims <- apply(perm[rows, , drop = FALSE], 2, stat)
  list(wave = label, T = unname(obs["T"]), F = unname(obs["F"]), df = unname(obs["df"]),
       p_value = mean(sims["F", ] >= obs["F"] * (1 - 1e-9)), T_sims = unname(sims["T", ]))
}
tests <- list(one_test(which(d$wave == 1), "1"), one_test(which(d$wave == 2), "2"), one_test(seq_len(nrow(d)), "all"))
write_fixture("balance_lottery", list(seed = "effekt-joint-balance", permutations = S, tests = tests))
for (t in tests) cat(sprintf("wave %s: T = %.6f, F = %.4f, df = %d, p = %.3f\n", t$wave, t$T, t$F, t$df, t$p_value))
