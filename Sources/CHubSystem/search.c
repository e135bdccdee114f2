#define _GNU_SOURCE
#include <string.h>
#include "chubsystem.h"

int hub_contains_bytes(const void *haystack, unsigned long haystack_length, const void *needle, unsigned long needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}
