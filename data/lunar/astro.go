package lunar

import "math"

// The astronomy behind the calendar: mean new moons corrected by the periodic terms of
// Meeus, "Astronomical Algorithms" (2nd ed.) ch. 49 (accurate to well under a minute
// for 1900–2100), and the Sun's apparent longitude by ch. 25's series (about 0.01°,
// a quarter of an hour around a principal term). Times are Julian days.

const rad = math.Pi / 180

// newMoonJDE is the Julian ephemeris day of new moon number k (k = 0: 2000-01-06).
func newMoonJDE(k float64) float64 {
	t := k / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := 2451550.09766 + 29.530588861*k + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := (2.5534 + 29.10535670*k - 0.0000014*t2 - 0.00000011*t3) * rad
	mp := (201.5643 + 385.81693528*k + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4) * rad
	f := (160.7108 + 390.67050284*k - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4) * rad
	om := (124.7746 - 1.56375588*k + 0.0020672*t2 + 0.00000215*t3) * rad
	sin := math.Sin
	jde += -0.40720*sin(mp) + 0.17241*e*sin(m) + 0.01608*sin(2*mp) + 0.01039*sin(2*f) +
		0.00739*e*sin(mp-m) - 0.00514*e*sin(mp+m) + 0.00208*e*e*sin(2*m) - 0.00111*sin(mp-2*f) -
		0.00057*sin(mp+2*f) + 0.00056*e*sin(2*mp+m) - 0.00042*sin(3*mp) + 0.00042*e*sin(m+2*f) +
		0.00038*e*sin(m-2*f) - 0.00024*e*sin(2*mp-m) - 0.00017*sin(om) - 0.00007*sin(mp+2*m) +
		0.00004*sin(2*mp-2*f) + 0.00004*sin(3*m) + 0.00003*sin(mp+m-2*f) + 0.00003*sin(2*mp+2*f) -
		0.00003*sin(mp+m+2*f) + 0.00003*sin(mp-m+2*f) - 0.00002*sin(mp-m-2*f) - 0.00002*sin(3*mp+m) +
		0.00002*sin(4*mp)
	// Planetary arguments A1 … A14.
	planets := [14][3]float64{
		{299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
		{349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
		{207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
		{207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
		{239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
	}
	for i, p := range planets {
		a := p[0] + p[1]*k
		if i == 0 {
			a -= 0.009173 * t2
		}
		jde += p[2] * sin(a*rad)
	}
	return jde
}

// sunLongitude is the Sun's apparent geocentric longitude in degrees [0, 360) at jde.
func sunLongitude(jde float64) float64 {
	t := (jde - 2451545.0) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := (357.52911 + 35999.05029*t - 0.0001537*t*t) * rad
	c := (1.914602-0.004817*t-0.000014*t*t)*math.Sin(m) + (0.019993-0.000101*t)*math.Sin(2*m) + 0.000289*math.Sin(3*m)
	om := (125.04 - 1934.136*t) * rad
	l := l0 + c - 0.00569 - 0.00478*math.Sin(om)
	return math.Mod(math.Mod(l, 360)+360, 360)
}

// solarTermJDE is the moment near jde0 when the Sun's longitude reaches lon degrees.
func solarTermJDE(lon, jde0 float64) float64 {
	jde := jde0
	for i := 0; i < 50; i++ {
		d := lon - sunLongitude(jde)
		d = math.Mod(d+540, 360) - 180 // shortest way round, in (-180, 180]
		jde += d * 365.2422 / 360
		if math.Abs(d) < 1e-7 {
			break
		}
	}
	return jde
}

// deltaT is TT − UT in days for a year (Espenak and Meeus' polynomials), so that
// moments in dynamical time fall on the right civil day.
func deltaT(y float64) float64 {
	var s float64
	switch {
	case y < 1920:
		t := y - 1900
		s = -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		s = 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		s = 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		s = 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		s = 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t + 0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		s = 62.92 + 0.32217*t + 0.005589*t*t
	default:
		u := (y - 1820) / 100
		s = -20 + 32*u*u - 0.5628*(2150-y)
	}
	return s / 86400
}

// beijingDay is the civil day number (days since 1970-01-01) in China Standard Time
// (UTC+8, the meridian the Chinese calendar is reckoned on) of a moment in TT.
func beijingDay(jde float64) int {
	year := 2000 + (jde-2451545.0)/365.25
	ut := jde - deltaT(year)
	return int(math.Floor(ut + 8.0/24 + 0.5 - 2440588))
}
