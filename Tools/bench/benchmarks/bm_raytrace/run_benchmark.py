"""Raytrace: a small recursive ray tracer (spheres and a checkered plane, two point lights,
diffuse and specular shading, shadows, reflections) rendering a 64x48 image; the result is
checked by a checksum of the quantised pixels."""

import math

import pyperf


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center, self.radius, self.color, self.reflect = center, radius, color, reflect

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal(self, point):
        return (point - self.center).normalized()

    def color_at(self, point):
        return self.color


class Plane:
    def __init__(self, point, normal, reflect):
        self.point, self.n, self.reflect = point, normal.normalized(), reflect

    def intersect(self, origin, direction):
        denom = self.n.dot(direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, point):
        return self.n

    def color_at(self, point):
        checker = (math.floor(point.x) + math.floor(point.z)) % 2
        return Vec(0.9, 0.9, 0.9) if checker else Vec(0.2, 0.2, 0.25)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere(Vec(-2.2, 0.7, 6.5), 0.7, Vec(0.2, 0.8, 0.3), 0.1),
            Sphere(Vec(2.0, 1.4, 7.0), 1.4, Vec(0.3, 0.4, 0.9), 0.5),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.2),
        ]
        self.lights = [(Vec(-5.0, 8.0, -2.0), 0.8), (Vec(6.0, 5.0, 1.0), 0.5)]

    def nearest(self, origin, direction):
        best, best_t = None, math.inf
        for obj in self.objects:
            t = obj.intersect(origin, direction)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def trace(self, origin, direction, depth):
        obj, t = self.nearest(origin, direction)
        if obj is None:
            return Vec(0.5, 0.7, 1.0).scale(0.3 + 0.7 * max(direction.y, 0.0))
        point = origin + direction.scale(t)
        normal = obj.normal(point)
        base = obj.color_at(point)
        color = base.scale(0.1)
        for light_pos, intensity in self.lights:
            to_light = light_pos - point
            distance = to_light.length()
            to_light = to_light.scale(1.0 / distance)
            blocker, bt = self.nearest(point, to_light)
            if blocker is not None and bt < distance:
                continue
            diffuse = max(normal.dot(to_light), 0.0) * intensity
            halfway = (to_light - direction).normalized()
            specular = max(normal.dot(halfway), 0.0) ** 32 * intensity
            color = color + base.scale(diffuse) + Vec(specular, specular, specular)
        if depth > 0 and obj.reflect > 0:
            reflected = direction - normal.scale(2.0 * direction.dot(normal))
            bounce = self.trace(point, reflected.normalized(), depth - 1)
            color = color.scale(1.0 - obj.reflect) + bounce.scale(obj.reflect)
        return color


def render(width, height):
    scene = Scene()
    eye = Vec(0.0, 1.5, -1.0)
    checksum = 0
    for j in range(height):
        for i in range(width):
            x = (i - width / 2) / height
            y = (height / 2 - j) / height
            direction = Vec(x, y - 0.15, 1.0).normalized()
            c = scene.trace(eye, direction, 2)
            for channel in (c.x, c.y, c.z):
                checksum += min(255, int(255 * max(channel, 0.0)))
    return checksum


def bench(loops, width, height):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        checksum = render(width, height)
    elapsed = pyperf.perf_counter() - t0
    if checksum != EXPECTED:
        raise AssertionError("raytrace: checksum %d" % checksum)
    return elapsed


EXPECTED = 962837      # checksum of the 64x48 image

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Recursive ray tracer, 64x48 pixels"
    runner.bench_time_func("raytrace", bench, 64, 48)
