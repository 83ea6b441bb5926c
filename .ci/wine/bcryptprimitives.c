/*
 * Test scaffolding for `make check-windows`, never shipped: Wine 8 has no
 * bcryptprimitives.ProcessPrng, which the Go runtime (1.24 and later) calls for its
 * random numbers on Windows. This stand-in answers from advapi32's
 * SystemFunction036 (RtlGenRandom), which Wine does have. It is copied into the test
 * prefix's system32 only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
