# c_longjmp.S: defines the exception tag '__c_longjmp' (one i32 parameter: a pointer to
# the {env, val} record), which clang references for setjmp/longjmp (see setjmp.c).
	.globl	__c_longjmp
	.tagtype	__c_longjmp i32
__c_longjmp:
