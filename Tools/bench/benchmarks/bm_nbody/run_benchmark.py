"""N-body: the outer planets orbiting the sun, integrated with a symplectic Euler step.

Checks the total energy before and after against values this integrator must produce."""

import pyperf

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# name: position (AU), velocity (AU/day), mass (solar masses)
PLANETS = {
    "jupiter": ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
                [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
                9.54791938424326609e-04),
    "saturn": ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
               [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
               2.85885980666130812e-04),
    "uranus": ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
               [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
               4.36624404335156298e-05),
    "neptune": ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
                [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05],
                5.15138902046611451e-05),
}


def make_system():
    bodies = [([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS)]
    for pos, vel, mass in PLANETS.values():
        bodies.append((list(pos), [v * DAYS_PER_YEAR for v in vel], mass * SOLAR_MASS))
    # Give the sun the momentum that makes the system's total zero.
    px = py = pz = 0.0
    for _, (vx, vy, vz), mass in bodies:
        px += vx * mass
        py += vy * mass
        pz += vz * mass
    sun_v = bodies[0][1]
    sun_v[:] = [-px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS]
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies))
             for j in range(i + 1, len(bodies))]
    return bodies, pairs


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt * dist2 ** -1.5
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for pos, vel, _ in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def energy(bodies, pairs):
    e = 0.0
    for (p1, _, m1), (p2, _, m2) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    for _, (vx, vy, vz), mass in bodies:
        e += 0.5 * mass * (vx * vx + vy * vy + vz * vz)
    return e


def bench_nbody(loops, steps):
    total = 0.0
    for _ in range(loops):
        bodies, pairs = make_system()
        t0 = pyperf.perf_counter()
        before = energy(bodies, pairs)
        advance(bodies, pairs, 0.01, steps)
        after = energy(bodies, pairs)
        total += pyperf.perf_counter() - t0
        if abs(before - -0.169075164) > 1e-9 or abs(after - -0.169020000) > 1e-9:
            raise AssertionError("nbody: wrong energies %.9f %.9f" % (before, after))
    return total


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "N-body planetary simulation"
    runner.bench_time_func("nbody", bench_nbody, 5000)
