# Oracle for src/estimate/missing_covariates.ts: Lin's regression with missing baseline covariates mean-imputed
# over the analysed persons and a missingness indicator added (Lin, Green and Coppock 2016). Imputation done
# here in base R, the regression by estimatr::lm_lin(clusters, CR2); also the difference in means on every
# person (no covariate, nobody dropped). Written with full precision to
# test/oracle/fixtures/missing_covariates.json. Run from the repo root:
#   Rscript test/oracle/missing_covariates.R
suppressPackageStartupMessages({ library(estimatr) })
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

set.seed(20265)
J <- 160
hh <- data.frame(hh = 1:J, block = sample(1:3, J, replace = TRUE))
hh$z <- 0
for (b in 1:3) { idx <- which(hh$block == b); hh$z[sample(idx, round(length(idx) * c(0.3, 0.5, 0.6)[b]))] <- 1 }
size <- sample(1:3, J, replace = TRUE)
d <- hh[rep(1:J, size), ]
rownames(d) <- NULL
n <- nrow(d)
d$x1 <- rnorm(n)
d$x2 <- rbinom(n, 1, 0.4)
d$y <- 1 + 0.4 * d$z + 0.8 * d$x1 - 0.5 * d$x2 + rep(rnorm(J, sd = 0.4), size) + rnorm(n)
# missing at random: 12% of x1, 7% of x2
d$x1[sample(n, round(0.12 * n))] <- NA
d$x2[sample(n, round(0.07 * n))] <- NA
imp <- d
for (v in c("x1", "x2")) {
  imp[[paste0(v, "_missing")]] <- as.numeric(is.na(d[[v]]))
  imp[[v]][is.na(d[[v]])] <- mean(d[[v]], na.rm = TRUE)
}
data_out <- dataset(d)
data_out$x1[is.na(d$x1)] <- NA
data_out$x2[is.na(d$x2)] <- NA
write_fixture("missing_covariates", list(
  data = data_out,
  x1_mean = mean(d$x1, na.rm = TRUE), x2_mean = mean(d$x2, na.rm = TRUE),
  lin_imputed = res(lm_lin(y ~ z, covariates = ~ factor(block) + x1 + x1_missing + x2 + x2_missing, clusters = hh, data = imp, se_type = "CR2")),
  dim_all = res(difference_in_means(y ~ z, blocks = block, clusters = hh, data = d))
))
cat("missing_covariates fixture written\n")
