//! The pager over a wallet's charges.

use std::collections::VecDeque;

use crate::error::Error;
use crate::models::Charge;

use super::ListChargesParams;
use crate::client::{Client, RequestOptions};

/// Walks every charge of a wallet, one page request at a time.
///
/// The next page is asked for while the answer says there is one: by its `pages`, else by its
/// `total` and `limit`, else as long as a page comes back full. An empty page ends the walk.
#[derive(Debug)]
pub struct ChargePager {
    client: Client,
    params: ListChargesParams,
    opts: RequestOptions,
    buffer: VecDeque<Charge>,
    next_page: Option<u32>,
}

/// Whether a page is followed by another, from what the page says about itself.
pub(crate) fn has_next(
    page: u32,
    items: usize,
    limit: Option<u32>,
    pages: Option<u32>,
    total: Option<u64>,
    asked_limit: Option<u32>,
) -> bool {
    if items == 0 {
        return false;
    }
    if let Some(pages) = pages {
        return page < pages;
    }
    let limit = limit.or(asked_limit);
    match (total, limit) {
        (Some(total), Some(limit)) if limit > 0 => u64::from(page) * u64::from(limit) < total,
        (_, Some(limit)) => items >= limit as usize,
        // Neither pages, total nor limit: only an empty page can end it.
        (_, None) => true,
    }
}

impl ChargePager {
    pub(crate) fn new(client: Client, params: ListChargesParams, opts: RequestOptions) -> Self {
        let first = params.page.unwrap_or(1);
        ChargePager {
            client,
            params,
            opts,
            buffer: VecDeque::new(),
            next_page: Some(first),
        }
    }

    /// The next charge, `None` after the last one.
    pub async fn next(&mut self) -> Option<Result<Charge, Error>> {
        loop {
            if let Some(c) = self.buffer.pop_front() {
                return Some(Ok(c));
            }
            let page = self.next_page?;
            let mut params = self.params.clone();
            params.page = Some(page);
            match self.client.list_charges(&params, &self.opts).await {
                Ok(res) => {
                    let d = res.data;
                    let (limit, pages, total) = (d.limit, d.pages, d.total.map(u64::from));
                    let items = d.data;
                    let more = has_next(page, items.len(), limit, pages, total, self.params.limit);
                    self.next_page = more.then(|| page.checked_add(1)).flatten();
                    self.buffer.extend(items);
                    if self.buffer.is_empty() {
                        return None;
                    }
                }
                Err(e) => {
                    self.next_page = None;
                    return Some(Err(e));
                }
            }
        }
    }

    /// Collects everything (stopping at the first error).
    pub async fn collect_all(mut self) -> Result<Vec<Charge>, Error> {
        let mut out = Vec::new();
        while let Some(item) = self.next().await {
            out.push(item?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::has_next;

    #[test]
    fn next_page_from_pages_total_or_a_full_page() {
        // `pages` decides when present.
        assert!(has_next(1, 2, Some(2), Some(3), Some(5), None));
        assert!(!has_next(3, 1, Some(2), Some(3), Some(5), None));
        // Without `pages`: total and limit.
        assert!(has_next(1, 2, Some(2), None, Some(5), None));
        assert!(has_next(2, 2, Some(2), None, Some(5), None));
        assert!(!has_next(3, 1, Some(2), None, Some(5), None));
        assert!(!has_next(2, 2, Some(2), None, Some(4), None));
        // Without `pages` or `total`: a full page means maybe more, a short one ends it.
        assert!(has_next(1, 20, None, None, None, Some(20)));
        assert!(!has_next(1, 7, None, None, None, Some(20)));
        assert!(has_next(4, 3, Some(3), None, None, None));
        // Nothing known: go on until an empty page.
        assert!(has_next(1, 5, None, None, None, None));
        assert!(!has_next(9, 0, None, None, None, None));
    }
}
