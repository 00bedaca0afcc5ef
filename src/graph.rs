//! Cycles in the reference graphs of templates (includes, extends) and Fluent messages.

/// Edges by node: for each node, the targets it refers to, each with the index of the
/// reference (so a report can point at it).
pub type Edges = [Vec<(usize, usize)>];

/// A cycle: the nodes on it in order, and the edge `(node, reference)` that closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub nodes: Vec<usize>,
    pub closing: (usize, usize),
}

/// One cycle per back edge of a depth-first search in node order. Iterative, so that a long
/// chain of references cannot overflow the stack.
pub fn cycles(edges: &Edges) -> Vec<Cycle> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    let mut found = Vec::new();
    for start in 0..edges.len() {
        if mark[start] != Mark::New {
            continue;
        }
        mark[start] = Mark::Open;
        let mut stack = vec![(start, 0usize)];
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            let Some(&(to, r)) = edges[node].get(top.1) else {
                mark[node] = Mark::Done;
                stack.pop();
                continue;
            };
            top.1 += 1;
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::Open;
                    stack.push((to, 0));
                }
                Mark::Open => {
                    let from = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                    found.push(Cycle {
                        nodes: stack[from..].iter().map(|&(n, _)| n).collect(),
                        closing: (node, r),
                    });
                }
                Mark::Done => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_self_loops_and_longer_cycles_once() {
        // 0 → 1 → 2 → 0, 3 → 3, 4 → 0 (no cycle of its own).
        let edges = vec![
            vec![(1, 0)],
            vec![(2, 0)],
            vec![(0, 7)],
            vec![(3, 1)],
            vec![(0, 0)],
        ];
        assert_eq!(
            cycles(&edges),
            vec![
                Cycle {
                    nodes: vec![0, 1, 2],
                    closing: (2, 7)
                },
                Cycle {
                    nodes: vec![3],
                    closing: (3, 1)
                },
            ]
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 200_000;
        let mut edges: Vec<Vec<(usize, usize)>> = (1..n).map(|i| vec![(i, 0)]).collect();
        edges.push(vec![(0, 0)]);
        let found = cycles(&edges);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].nodes.len(), n);
    }
}
