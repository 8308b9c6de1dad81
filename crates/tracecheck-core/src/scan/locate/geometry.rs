//! Points and the plane-to-plane (perspective) maps the sampler uses.

/// A point in image pixels or in module units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn minus(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }

    pub fn plus(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }

    pub fn scaled(self, k: f64) -> Point {
        Point::new(self.x * k, self.y * k)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// z of the cross product of `a` and `b`.
pub fn cross(a: Point, b: Point) -> f64 {
    a.x * b.y - a.y * b.x
}

/// A 3×3 projective map, row-major, applied to (x, y, 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Perspective([f64; 9]);

impl Perspective {
    /// The map taking each of `from` to the same-index point of `to`;
    /// `None` when either quadrilateral is degenerate.
    pub fn between(from: [Point; 4], to: [Point; 4]) -> Option<Perspective> {
        let unit_to_from = unit_square_to(from)?;
        let unit_to_to = unit_square_to(to)?;
        let back = unit_to_from.inverse()?;
        Some(unit_to_to.after(&back))
    }

    /// Where `p` goes; `None` on the horizon (or past it).
    pub fn map(&self, p: Point) -> Option<Point> {
        let m = &self.0;
        let w = m[6] * p.x + m[7] * p.y + m[8];
        if w.abs() < 1e-12 {
            return None;
        }
        let out = Point::new(
            (m[0] * p.x + m[1] * p.y + m[2]) / w,
            (m[3] * p.x + m[4] * p.y + m[5]) / w,
        );
        out.is_finite().then_some(out)
    }

    /// `self` after `first`: maps p to self(first(p)).
    fn after(&self, first: &Perspective) -> Perspective {
        let (a, b) = (&self.0, &first.0);
        let mut out = [0.0; 9];
        for row in 0..3 {
            for col in 0..3 {
                out[row * 3 + col] = (0..3).map(|k| a[row * 3 + k] * b[k * 3 + col]).sum();
            }
        }
        Perspective(out)
    }

    /// The inverse map (the adjugate: a projective map ignores scale).
    fn inverse(&self) -> Option<Perspective> {
        let m = &self.0;
        let adj = [
            m[4] * m[8] - m[5] * m[7],
            m[2] * m[7] - m[1] * m[8],
            m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8],
            m[0] * m[8] - m[2] * m[6],
            m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6],
            m[1] * m[6] - m[0] * m[7],
            m[0] * m[4] - m[1] * m[3],
        ];
        let det = m[0] * adj[0] + m[1] * adj[3] + m[2] * adj[6];
        (det.abs() > 1e-12 && adj.iter().all(|v| v.is_finite())).then_some(Perspective(adj))
    }
}

/// The map from the unit square's corners (0,0), (1,0), (1,1), (0,1) to
/// `quad`'s, in that order.
fn unit_square_to(quad: [Point; 4]) -> Option<Perspective> {
    let [p0, p1, p2, p3] = quad;
    let sx = p0.x - p1.x + p2.x - p3.x;
    let sy = p0.y - p1.y + p2.y - p3.y;
    let (g, h) = if sx.abs() < 1e-9 && sy.abs() < 1e-9 {
        (0.0, 0.0)
    } else {
        let (dx1, dx2) = (p1.x - p2.x, p3.x - p2.x);
        let (dy1, dy2) = (p1.y - p2.y, p3.y - p2.y);
        let den = dx1 * dy2 - dx2 * dy1;
        if den.abs() < 1e-12 {
            return None;
        }
        ((sx * dy2 - dx2 * sy) / den, (dx1 * sy - sx * dy1) / den)
    };
    let m = [
        p1.x - p0.x + g * p1.x,
        p3.x - p0.x + h * p3.x,
        p0.x,
        p1.y - p0.y + g * p1.y,
        p3.y - p0.y + h * p3.y,
        p0.y,
        g,
        h,
        1.0,
    ];
    m.iter().all(|v| v.is_finite()).then_some(Perspective(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_corners_onto_corners() {
        let from = [
            Point::new(3.5, 3.5),
            Point::new(30.5, 3.5),
            Point::new(27.5, 27.5),
            Point::new(3.5, 30.5),
        ];
        let to = [
            Point::new(100.0, 120.0),
            Point::new(400.0, 90.0),
            Point::new(390.0, 420.0),
            Point::new(80.0, 380.0),
        ];
        let map = Perspective::between(from, to).expect("a proper quadrilateral");
        for (a, b) in from.iter().zip(to.iter()) {
            let got = map.map(*a).expect("inside");
            assert!(got.distance(*b) < 1e-6, "{got:?} vs {b:?}");
        }
    }

    #[test]
    fn refuses_a_degenerate_quadrilateral() {
        let flat = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(3.0, 0.0),
        ];
        let square = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 0.0),
            Point::new(1.0, 1.0),
            Point::new(0.0, 1.0),
        ];
        assert!(Perspective::between(square, flat).is_none());
    }
}
