# Oracle for src/estimate/lee_bounds.ts: Lee (2009) trimming bounds, written here independently in base R.
# Within each block: q1, q0 = shares of counted treated / control persons with a value; the arm observed more
# often is trimmed by p = (q_more - q_less) / q_more, from the top (lower bound) and the bottom (upper bound),
# the boundary value counted fractionally (weights min(1, max(0, K - (i - 1))) on the sorted values, K = (1-p) m);
# bounds size-weighted over blocks by persons counted. Written with full precision to
# test/oracle/fixtures/lee_bounds.json. Run from the repo root:
#   Rscript test/oracle/lee_bounds.R
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

keep_mean <- function(v, p, drop) {
  v <- if (drop == "top") sort(v) else sort(v, decreasing = TRUE)
  K <- (1 - p) * length(v)
  w <- pmin(1, pmax(0, K - (seq_along(v) - 1)))
  sum(w * v) / sum(w)
}
lee <- function(d) {
  per <- lapply(sort(unique(d$block)), function(b) {
    x <- d[d$block == b, ]
    y1 <- x$y[x$z == 1 & !is.na(x$y)]; y0 <- x$y[x$z == 0 & !is.na(x$y)]
    q1 <- length(y1) / sum(x$z == 1); q0 <- length(y0) / sum(x$z == 0)
    if (q1 > q0) { p <- (q1 - q0) / q1; lo <- keep_mean(y1, p, "top") - mean(y0); hi <- keep_mean(y1, p, "bottom") - mean(y0) }
    else if (q0 > q1) { p <- (q0 - q1) / q0; lo <- mean(y1) - keep_mean(y0, p, "bottom"); hi <- mean(y1) - keep_mean(y0, p, "top") }
    else { p <- 0; lo <- hi <- mean(y1) - mean(y0) }
    c(n = nrow(x), p = p, lower = lo, upper = hi)
  })
  per <- do.call(rbind, per)
  w <- per[, "n"] / sum(per[, "n"])
  list(lower = sum(w * per[, "lower"]), upper = sum(w * per[, "upper"]), p = unname(per[, "p"]),
       block_lower = unname(per[, "lower"]), block_upper = unname(per[, "upper"]))
}
na_json <- function(v) { o <- as.numeric(v); o }

set.seed(20266)
n <- 700
d <- data.frame(block = sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2)))
d$z <- rbinom(n, 1, c(0.25, 0.65, 0.5)[d$block])
d$y <- 10 + 2 * d$z + rnorm(n, sd = 3)
# attrition: treated more often observed in blocks 1 and 2, control more often in block 3
obs_p <- ifelse(d$z == 1, c(0.92, 0.9, 0.7)[d$block], c(0.8, 0.75, 0.85)[d$block])
d$y[runif(n) > obs_p] <- NA
# a 0/1 outcome with many ties, one block
b <- data.frame(block = 1, z = rep(c(1, 0), c(60, 80)))
b$y <- rbinom(140, 1, ifelse(b$z == 1, 0.5, 0.35))
b$y[c(1:3, 61:80)] <- NA
out <- function(d) { x <- dataset(d); x$y[is.na(d$y)] <- NA; x }
write_fixture("lee_bounds", list(continuous = list(data = out(d), bounds = lee(d)),
                                 binary = list(data = out(b), bounds = lee(b))))
cat("lee_bounds fixture written\n")
